package com.giftcardimport.pool;

import com.giftcardimport.project.ProjectId;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A pool of gift cards that share value and expiry rules (SPEC §2).
 *
 * @param faceValue   the balance of every card, scale 2, for a {@link ValueType#FIXED FIXED} pool; {@code null}
 *                    for an {@link ValueType#ARBITRARY ARBITRARY} one
 * @param cvvRequired CVV transfer: every card imported into the pool must come with a CVV
 */
public record Pool(PoolId id, ProjectId projectId, PoolSystemName systemName, String name, ValueType valueType,
                   BigDecimal faceValue, boolean cvvRequired, Validity validity) {

    public Pool {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(systemName, "systemName");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(valueType, "valueType");
        Objects.requireNonNull(validity, "validity");
        if (valueType == ValueType.FIXED) {
            faceValue = new FaceValue(faceValue).amount();
        } else if (faceValue != null) {
            throw new IllegalArgumentException("An ARBITRARY pool has no face value");
        }
    }

    public boolean isFixed() {
        return valueType == ValueType.FIXED;
    }
}
