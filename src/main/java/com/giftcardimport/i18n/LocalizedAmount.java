package com.giftcardimport.i18n;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * An amount of money as a person types it in a form, read in that person's locale; money is never guessed.
 *
 * <ul>
 *   <li>Spaces of any kind (also no-break and narrow no-break) separate thousands in every locale.</li>
 *   <li>The locale's decimal mark is a decimal mark; so is the other of {@code .} and {@code ,} unless the locale
 *       separates thousands with it. In Russian both {@code 1 000,50} and {@code 1000.50} are one thousand and a
 *       half; in English {@code ,} separates thousands ({@code 1,000.50}) and is never a decimal mark.</li>
 *   <li>Thousands come in groups of three after a first group of one to three digits, with one kind of separator;
 *       at most two decimals; at most 17 digits before the decimal mark ({@code numeric(19,2)}).</li>
 *   <li>Anything else is refused with the reason, never scaled: {@code 1 000,00} in English (a comma between
 *       thousands followed by two digits) and {@code 1.000} in Russian (thousands or three decimals?) are refused.</li>
 * </ul>
 *
 * This is the forms' rule; the importer reads file cells with its own locale-free rule ({@code Amount}).
 */
public final class LocalizedAmount {

    public static final int MAX_LENGTH = 40;
    public static final int MAX_INTEGER_DIGITS = 17;

    private LocalizedAmount() {
    }

    /** The amount {@code text} means in {@code locale}, with scale 2; {@code null} for blank text. */
    public static BigDecimal parse(String text, Locale locale) {
        String s = strip(text);
        if (s.isEmpty()) {
            return null;
        }
        if (s.length() > MAX_LENGTH) {
            throw refused("amount.tooLong", s);
        }
        return new Reading(s, locale).read();
    }

    /** The amount written the way {@code locale} writes it, with two decimals: {@code 1 000,00}, {@code 1,000.00}. */
    public static String format(BigDecimal amount, Locale locale) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(locale)).format(amount);
    }

    private static String strip(String text) {
        if (text == null) {
            return "";
        }
        int from = 0;
        int to = text.length();
        while (from < to && isSpace(text.charAt(from))) {
            from++;
        }
        while (to > from && isSpace(text.charAt(to - 1))) {
            to--;
        }
        return text.substring(from, to);
    }

    /** Any Unicode space or whitespace: typed and pasted amounts carry no-break and narrow no-break spaces. */
    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static AmountNotUnderstoodException refused(String reason, String text, Object... more) {
        Object[] arguments = new Object[more.length + 1];
        arguments[0] = text;
        System.arraycopy(more, 0, arguments, 1, more.length);
        return new AmountNotUnderstoodException(reason, arguments);
    }

    /** One reading of the text: which mark is the decimal mark, then the groups before it and the digits after. */
    private static final class Reading {

        private final String s;
        private final char groupMark;
        private int decimalMark = -1;
        private char groupKind;

        Reading(String s, Locale locale) {
            this.s = s;
            char localGroup = DecimalFormatSymbols.getInstance(locale).getGroupingSeparator();
            this.groupMark = localGroup == ',' || localGroup == '.' ? localGroup : ' ';
        }

        BigDecimal read() {
            findDecimalMark();
            StringBuilder digits = new StringBuilder(s.length());
            int end = decimalMark < 0 ? s.length() : decimalMark;
            readGroups(end, digits);
            int decimals = 0;
            if (decimalMark >= 0) {
                digits.append('.');
                for (int i = decimalMark + 1; i < s.length(); i++) {
                    digits.append(s.charAt(i));
                    decimals++;
                }
                if (decimals == 0 && end == 0) {
                    throw refused("amount.noDigits", s);
                }
            }
            if (decimals > 2) {
                throw refused(decimals == 3 ? "amount.threeDecimals" : "amount.tooManyDecimals", s,
                        String.valueOf(s.charAt(decimalMark)));
            }
            BigDecimal value = new BigDecimal(digits.toString().endsWith(".") ? digits + "0" : digits.toString());
            if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
                throw refused("amount.tooLarge", s, MAX_INTEGER_DIGITS);
            }
            return value.setScale(2);
        }

        /** Characters first; then at most one decimal mark, with nothing but digits after it. */
        private void findDecimalMark() {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '-' && i == 0) {
                    throw refused("amount.negative", s);
                }
                boolean digit = c >= '0' && c <= '9';
                if (!digit && c != ',' && c != '.' && !isSpace(c)) {
                    throw refused("amount.character", s, new String(Character.toChars(s.codePointAt(i))));
                }
                if ((c == ',' || c == '.') && c != groupMark) {
                    if (decimalMark >= 0) {
                        throw refused("amount.twoDecimalMarks", s);
                    }
                    decimalMark = i;
                } else if (decimalMark >= 0 && !digit) {
                    throw refused("amount.separatorAfterDecimalMark", s);
                }
            }
        }

        /** The digits before the decimal mark: one group of 1–3 digits, then groups of exactly three. */
        private void readGroups(int end, StringBuilder digits) {
            int groupLength = 0;
            boolean grouped = false;
            for (int i = 0; i < end; i++) {
                char c = s.charAt(i);
                if (c >= '0' && c <= '9') {
                    digits.append(c);
                    groupLength++;
                    continue;
                }
                char kind = c == groupMark ? c : ' ';
                if (groupKind != 0 && groupKind != kind) {
                    throw refused("amount.mixedSeparators", s);
                }
                groupKind = kind;
                if (groupLength == 0 || grouped && groupLength != 3 || !grouped && groupLength > 3) {
                    throw refused("amount.badGroups", s);
                }
                grouped = true;
                groupLength = 0;
            }
            if (grouped && groupLength != 3) {
                throw refused("amount.badGroups", s);
            }
        }
    }
}
