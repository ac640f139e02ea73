package com.giftcardimport.importing.validate;

import static com.giftcardimport.importing.RowErrorCodes.STATUS_UNKNOWN;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The status of a card, stored as the enum name. Read case-insensitively, ignoring spaces, {@code _} and
 * {@code -}, from the English names ({@code CanBeUsed}, {@code Inactive}, {@code Blocked}) or Russian ones
 * ({@code Можно использовать}, {@code Активна}, {@code Активирована}; {@code Неактивна}, {@code Не активирована};
 * {@code Заблокирована}); empty means {@link #INACTIVE}.
 */
public enum CardStatus {
    CAN_BE_USED("CanBeUsed"),
    INACTIVE("Inactive"),
    BLOCKED("Blocked");

    private static final Map<String, CardStatus> BY_NAME = new HashMap<>();

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

    CardStatus(String label) {
        this.label = label;
    }

    private static void names(CardStatus status, String... names) {
        for (String name : names) {
            BY_NAME.put(key(name), status);
        }
    }

    /** The name a file uses: CanBeUsed, Inactive, Blocked. */
    public String label() {
        return label;
    }

    /**
     * Reads a status as a file writes it.
     *
     * @throws InvalidValueException for a name that is none of the known ones
     */
    public static CardStatus parse(String raw) {
        String s = Shown.strip(raw);
        if (s.isEmpty()) {
            return INACTIVE;
        }
        // the common exact spellings first: no allocation on the happy path
        for (CardStatus status : values()) {
            if (status.label.equalsIgnoreCase(s) || status.name().equalsIgnoreCase(s)) {
                return status;
            }
        }
        CardStatus status = s.length() <= 40 ? BY_NAME.get(key(s)) : null;
        if (status == null) {
            throw new InvalidValueException(STATUS_UNKNOWN, "Gift card status " + Shown.quoted(s)
                    + " is unknown: use CanBeUsed, Inactive or Blocked (in Russian: Можно использовать, "
                    + "Неактивна, Заблокирована), or leave it empty for Inactive");
        }
        return status;
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
