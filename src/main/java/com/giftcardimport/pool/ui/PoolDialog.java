package com.giftcardimport.pool.ui;

import com.giftcardimport.base.ValidationException;
import com.giftcardimport.i18n.AmountField;
import com.giftcardimport.pool.PoolDraft;
import com.giftcardimport.pool.PoolSystemName;
import com.giftcardimport.pool.ValidityUnit;
import com.giftcardimport.pool.ValueType;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.function.SerializableConsumer;
import java.util.Map;

/**
 * The pool form in a dialog: create a pool, or edit one. The service checks the input and its messages are shown
 * next to their fields. When the pool already has cards, value type, face value and validity are read-only.
 */
class PoolDialog extends Dialog {

    final TextField systemName = new TextField(getTranslation("pool.form.systemName"));
    final TextField name = new TextField(getTranslation("pool.form.name"));
    final RadioButtonGroup<ValueType> valueType = new RadioButtonGroup<>(getTranslation("pool.form.valueType"));
    final AmountField faceValue = new AmountField(getTranslation("pool.form.faceValue"));
    final Checkbox cvvRequired = new Checkbox(getTranslation("pool.form.cvvRequired"));
    final Select<ValidityUnit> validityUnit = new Select<>();
    final IntegerField validityAmount = new IntegerField(getTranslation("pool.form.period"));
    final Button save = new Button(getTranslation("pool.form.save"));

    private final Binder<PoolFormBean> binder = new Binder<>();
    private final PoolFormBean bean;
    private final boolean locked;
    private final SerializableConsumer<PoolDraft> onSave;

    /**
     * @param onSave creates or updates the pool; throws {@link ValidationException} when the input breaks a rule
     */
    PoolDialog(String title, PoolDraft initial, boolean locked, SerializableConsumer<PoolDraft> onSave) {
        this.bean = PoolFormBean.of(initial);
        this.locked = locked;
        this.onSave = onSave;
        setHeaderTitle(title);
        setWidth("min(40rem, 95vw)");

        systemName.setHelperText(getTranslation("pool.form.systemName.hint", PoolSystemName.MAX_LENGTH));
        systemName.setMaxLength(PoolSystemName.MAX_LENGTH);
        name.setHelperText(getTranslation("pool.form.name.hint"));
        valueType.setItems(ValueType.values());
        valueType.setItemLabelGenerator(type -> getTranslation("pool.form.valueType." + type.name()));
        faceValue.setHint(getTranslation("pool.form.faceValue.hint"));
        validityUnit.setLabel(getTranslation("pool.form.validity"));
        validityUnit.setItems(ValidityUnit.values());
        validityUnit.setEmptySelectionAllowed(true);
        validityUnit.setEmptySelectionCaption(getTranslation("pool.validity.none"));
        validityUnit.setItemLabelGenerator(unit -> unit == null ? getTranslation("pool.validity.none")
                : getTranslation("pool.form.validityUnit." + unit.name()));
        validityAmount.setHelperText(getTranslation("pool.form.period.hint"));
        validityAmount.setI18n(new IntegerField.IntegerFieldI18n()
                .setBadInputErrorMessage(getTranslation("pool.form.period.badInput")));

        binder.forField(systemName).bind(PoolFormBean::getSystemName, PoolFormBean::setSystemName);
        binder.forField(name).bind(PoolFormBean::getName, PoolFormBean::setName);
        binder.forField(valueType).bind(PoolFormBean::getValueType, PoolFormBean::setValueType);
        binder.forField(faceValue).withConverter(faceValue.converter())
                .bind(PoolFormBean::getFaceValue, PoolFormBean::setFaceValue);
        binder.forField(cvvRequired).bind(PoolFormBean::isCvvRequired, PoolFormBean::setCvvRequired);
        binder.forField(validityUnit).bind(PoolFormBean::getValidityUnit, PoolFormBean::setValidityUnit);
        binder.forField(validityAmount).bind(PoolFormBean::getValidityAmount, PoolFormBean::setValidityAmount);
        binder.readBean(bean);

        valueType.addValueChangeListener(e -> updateEnabled());
        validityUnit.addValueChangeListener(e -> updateEnabled());
        if (locked) {
            valueType.setReadOnly(true);
            faceValue.setReadOnly(true);
            validityUnit.setReadOnly(true);
            validityAmount.setReadOnly(true);
            String lockedHint = getTranslation("pool.form.locked");
            valueType.setHelperText(lockedHint);
            faceValue.setHint(lockedHint);
            validityUnit.setHelperText(lockedHint);
        }
        updateEnabled();

        FormLayout form = new FormLayout(systemName, name, valueType, faceValue, cvvRequired, validityUnit,
                validityAmount);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        form.setColspan(systemName, 2);
        form.setColspan(name, 2);
        form.setColspan(valueType, 2);
        form.setColspan(cvvRequired, 2);
        add(form);

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        Button cancel = new Button(getTranslation("pool.form.cancel"), e -> close());
        getFooter().add(cancel, save);
    }

    private void updateEnabled() {
        boolean fixed = valueType.getValue() == ValueType.FIXED;
        faceValue.setEnabled(fixed);
        if (!fixed && !locked) {
            faceValue.clear();
        }
        boolean period = validityUnit.getValue() != null;
        validityAmount.setEnabled(period);
        if (!period && !locked) {
            validityAmount.clear();
        }
        validityAmount.setLabel(period ? getTranslation("pool.form.period." + validityUnit.getValue().name())
                : getTranslation("pool.form.period"));
    }

    private void save() {
        if (!binder.writeBeanIfValid(bean)) {
            return;
        }
        try {
            onSave.accept(bean.toDraft());
            close();
        } catch (ValidationException e) {
            show(e.messagesIn(getLocale()));
        }
    }

    /** Shows each message next to its field; a message for no known field is shown as a notification. */
    void show(Map<String, String> errors) {
        errors.forEach((field, message) -> {
            HasValidation component = switch (field) {
                case PoolDraft.SYSTEM_NAME -> systemName;
                case PoolDraft.NAME -> name;
                case PoolDraft.VALUE_TYPE -> valueType;
                case PoolDraft.FACE_VALUE -> faceValue;
                case PoolDraft.VALIDITY -> validityUnit.getValue() == null ? validityUnit : validityAmount;
                default -> null;
            };
            if (component == null) {
                Notification.show(message, 5000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            } else {
                component.setErrorMessage(message);
                component.setInvalid(true);
            }
        });
    }
}
