package com.giftcardimport.base;

/**
 * Published by {@link DemoData} inside its transaction, right after it created the demo projects, people and
 * pools, so that features can add their own demo data (and only then: never on an existing or external database).
 */
public record DemoDataCreated() {
}
