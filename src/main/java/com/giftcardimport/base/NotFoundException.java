package com.giftcardimport.base;

/**
 * Thrown when a thing asked for by id does not exist <em>in the current project</em>. An id that belongs to
 * another project raises exactly this exception with exactly the same message as an id that exists nowhere,
 * so that no screen, API or log can tell the two apart.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
