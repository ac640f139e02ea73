package com.giftcardimport.pool.ui;

import com.giftcardimport.pool.PoolDraft;
import com.giftcardimport.pool.ValidityUnit;
import com.giftcardimport.pool.ValueType;
import java.math.BigDecimal;

/** What the pool form edits, bound field by field; turned into a {@link PoolDraft} for the service. */
class PoolFormBean {

    private String systemName = "";
    private String name = "";
    private ValueType valueType = ValueType.FIXED;
    private BigDecimal faceValue;
    private boolean cvvRequired;
    private ValidityUnit validityUnit;
    private Integer validityAmount;

    static PoolFormBean of(PoolDraft draft) {
        PoolFormBean bean = new PoolFormBean();
        bean.systemName = draft.systemName();
        bean.name = draft.name();
        bean.valueType = draft.valueType();
        bean.faceValue = draft.faceValue();
        bean.cvvRequired = draft.cvvRequired();
        bean.validityUnit = draft.validityUnit();
        bean.validityAmount = draft.validityAmount();
        return bean;
    }

    PoolDraft toDraft() {
        return new PoolDraft(systemName, name, valueType, valueType == ValueType.FIXED ? faceValue : null,
                cvvRequired, validityUnit, validityUnit == null ? null : validityAmount);
    }

    String getSystemName() {
        return systemName;
    }

    void setSystemName(String systemName) {
        this.systemName = systemName;
    }

    String getName() {
        return name;
    }

    void setName(String name) {
        this.name = name;
    }

    ValueType getValueType() {
        return valueType;
    }

    void setValueType(ValueType valueType) {
        this.valueType = valueType;
    }

    BigDecimal getFaceValue() {
        return faceValue;
    }

    void setFaceValue(BigDecimal faceValue) {
        this.faceValue = faceValue;
    }

    boolean isCvvRequired() {
        return cvvRequired;
    }

    void setCvvRequired(boolean cvvRequired) {
        this.cvvRequired = cvvRequired;
    }

    ValidityUnit getValidityUnit() {
        return validityUnit;
    }

    void setValidityUnit(ValidityUnit validityUnit) {
        this.validityUnit = validityUnit;
    }

    Integer getValidityAmount() {
        return validityAmount;
    }

    void setValidityAmount(Integer validityAmount) {
        this.validityAmount = validityAmount;
    }
}
