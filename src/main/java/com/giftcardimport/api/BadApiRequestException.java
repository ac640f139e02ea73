package com.giftcardimport.api;

/** A request parameter or header of the API is malformed: a 400 problem naming it. */
class BadApiRequestException extends RuntimeException {

    BadApiRequestException(String message) {
        super(message);
    }
}
