package com.giftcardimport.api;

/**
 * A token just created, with its secret. This is the only time the secret exists outside the caller's hands:
 * only its hash is stored.
 */
public record NewApiToken(ApiToken token, String secret) {

    @Override
    public String toString() {
        return "NewApiToken[" + token + ", secret=…]";
    }
}
