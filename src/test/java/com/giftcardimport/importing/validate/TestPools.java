package com.giftcardimport.importing.validate;

import com.giftcardimport.pool.Pool;
import com.giftcardimport.pool.PoolId;
import com.giftcardimport.pool.PoolSystemName;
import com.giftcardimport.pool.Validity;
import com.giftcardimport.pool.ValueType;
import com.giftcardimport.project.ProjectId;
import java.math.BigDecimal;

/** Pools for validator tests, built with {@code pool}'s own records. */
public final class TestPools {

    private static final ProjectId PROJECT = new ProjectId(1);

    private TestPools() {
    }

    public static Pool fixed(long id, String systemName, String faceValue, boolean cvvRequired, Validity validity) {
        return new Pool(new PoolId(id), PROJECT, new PoolSystemName(systemName), systemName, ValueType.FIXED,
                new BigDecimal(faceValue), cvvRequired, validity);
    }

    public static Pool arbitrary(long id, String systemName, boolean cvvRequired) {
        return new Pool(new PoolId(id), PROJECT, new PoolSystemName(systemName), systemName, ValueType.ARBITRARY,
                null, cvvRequired, Validity.none());
    }
}
