package com.giftcardimport.card;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The status of a gift card (SPEC §3), stored under the constant's name and shown by its label. Files may name it
 * in English ({@code CanBeUsed}, {@code Inactive}, {@code Blocked}) or Russian ({@code Можно использовать},
 * {@code Активна}, {@code Активирована}; {@code Неактивна}, {@code Не активирована}; {@code Заблокирована}):
 * see {@link #fromName}.
 */
public enum GiftCardStatus {
    CAN_BE_USED("CanBeUsed"),
    INACTIVE("Inactive"),
    BLOCKED("Blocked");

    /** Names longer than this are none of the known ones. */
    private static final int LONGEST_NAME = 40;
    private static final Map<String, GiftCardStatus> BY_NAME = new HashMap<>();

    static {
        names(CAN_BE_USED, "CanBeUsed", "can_be_used", "Active", "Activated",
                "Можно использовать", "Активна", "Активная", "Активен", "Активный", "Активирована",
                "Активированная", "Активирован", "Активированный");
        names(INACTIVE, "Inactive", "Not activated", "Неактивна", "Неактивная", "Неактивен", "Неактивный",
                "Не активирована", "Не активированная", "Не активирован", "Не активированный");
        names(BLOCKED, "Blocked", "Заблокирована", "Заблокированная", "Заблокирован", "Заблокированный",
                "Блокирована", "Блокированная", "Блокирован", "Блокированный");
    }

    private final String label;

    GiftCardStatus(String label) {
        this.label = label;
    }

    /** The name shown to people and used in files: {@code CanBeUsed}, {@code Inactive}, {@code Blocked}. */
    public String label() {
        return label;
    }

    /**
     * The status a file names, read case-insensitively and ignoring spaces, {@code _} and {@code -} (and ё as е):
     * an English label or constant name, or one of the Russian names. Empty for any other name, including an empty
     * one (whether an empty cell means {@link #INACTIVE} is the importer's rule).
     */
    public static Optional<GiftCardStatus> fromName(String name) {
        // the common exact spellings first: no allocation on the happy path
        for (GiftCardStatus status : values()) {
            if (status.label.equalsIgnoreCase(name) || status.name().equalsIgnoreCase(name)) {
                return Optional.of(status);
            }
        }
        return name.length() <= LONGEST_NAME ? Optional.ofNullable(BY_NAME.get(key(name))) : Optional.empty();
    }

    private static void names(GiftCardStatus status, String... names) {
        for (String name : names) {
            BY_NAME.put(key(name), status);
        }
    }

    private static String key(String name) {
        StringBuilder key = new StringBuilder(name.length());
        String lower = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == 'ё') {
                key.append('е');
            } else if (Character.isLetterOrDigit(c)) {
                key.append(c);
            }
        }
        return key.toString();
    }
}
