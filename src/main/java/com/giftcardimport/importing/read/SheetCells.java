package com.giftcardimport.importing.read;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import org.dhatim.fastexcel.reader.Cell;

/**
 * The text of a workbook cell, as the row rules read it (docs/files-and-rules.md, "Excel workbooks"):
 * <ul>
 *   <li>text as it is; {@code TRUE}/{@code FALSE}; an error as Excel shows it ({@code #N/A});</li>
 *   <li>a number formatted as a date: {@code 2024-05-31}, or {@code 2024-05-31 14:30:15} with a time of day, to the
 *       nearest second;</li>
 *   <li>another number as Excel shows it at most: rounded to 15 significant digits, without grouping, e.g.
 *       {@code 1000}, {@code 30.3}. A number that lost digits in the spreadsheet (16 or more digits before the
 *       decimal mark: Excel keeps 15) or one formatted in scientific form reads in scientific notation, e.g.
 *       {@code 7.003E+15}, which a card number refuses as it does in a CSV file;</li>
 *   <li>a formula: its last computed value, read by the same rules.</li>
 * </ul>
 */
final class SheetCells {

    /** Excel's built-in number formats that show dates or times. */
    private static final Set<Integer> DATE_FORMAT_IDS = Set.of(14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30,
            31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58);
    private static final MathContext EXCEL_PRECISION = new MathContext(15, RoundingMode.HALF_EVEN);
    private static final BigDecimal LOST_DIGITS = new BigDecimal("1E15");
    private static final LocalDate EPOCH_1900 = LocalDate.of(1899, 12, 30);
    private static final LocalDate EPOCH_1904 = LocalDate.of(1904, 1, 1);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final boolean date1904;

    SheetCells(boolean date1904) {
        this.date1904 = date1904;
    }

    String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getType()) {
            case EMPTY -> "";
            case NUMBER -> number(cell.getRawValue(), cell);
            case BOOLEAN -> Boolean.TRUE.equals(cell.getValue()) ? "TRUE" : "FALSE";
            case FORMULA -> formula(cell);
            case STRING, ERROR -> nullToEmpty(cell.getText());
        };
    }

    private String formula(Cell cell) {
        String raw = cell.getRawValue();
        if (raw == null) {
            return "";
        }
        if (cell.getValue() instanceof BigDecimal) {
            return number(raw, cell);
        }
        return raw;
    }

    private String number(String raw, Cell cell) {
        BigDecimal value;
        try {
            value = new BigDecimal(raw.strip());
        } catch (NumberFormatException e) {
            return raw;
        }
        String format = cell.getDataFormatString();
        Integer formatId = cell.getDataFormatId();
        if (isDateFormat(formatId, format) && value.signum() >= 0) {
            return date(value);
        }
        BigDecimal shown = value.round(EXCEL_PRECISION);
        if (shown.abs().compareTo(LOST_DIGITS) >= 0 || isScientificFormat(format)) {
            return scientific(shown);
        }
        return shown.stripTrailingZeros().toPlainString();
    }

    /** {@code 7.003E+15}: the digits of {@code value} with one before the decimal mark and an exponent. */
    static String scientific(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        String digits = v.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - v.scale();
        StringBuilder text = new StringBuilder(v.signum() < 0 ? "-" : "").append(digits.charAt(0));
        if (digits.length() > 1) {
            text.append('.').append(digits, 1, digits.length());
        }
        return text.append('E').append(exponent < 0 ? '-' : '+').append(String.format("%02d", Math.abs(exponent)))
                .toString();
    }

    private String date(BigDecimal serial) {
        long seconds = serial.multiply(BigDecimal.valueOf(86_400)).setScale(0, RoundingMode.HALF_UP).longValueExact();
        long days = Math.floorDiv(seconds, 86_400);
        LocalDate epoch = date1904 ? EPOCH_1904 : EPOCH_1900;
        if (!date1904 && days < 61) {
            // Excel counts a 29 February 1900 that never was: serials before it are one day later
            days++;
        }
        LocalDateTime at = epoch.plusDays(days).atStartOfDay().plusSeconds(Math.floorMod(seconds, 86_400));
        return at.toLocalTime().toSecondOfDay() == 0 ? at.toLocalDate().toString() : at.format(DATE_TIME);
    }

    static boolean isDateFormat(Integer id, String format) {
        if (id != null && DATE_FORMAT_IDS.contains(id)) {
            return true;
        }
        String plain = withoutLiterals(format);
        if (plain.contains("E+") || plain.contains("E-") || plain.contains("e+") || plain.contains("e-")) {
            return false;
        }
        for (int i = 0; i < plain.length(); i++) {
            char c = Character.toLowerCase(plain.charAt(i));
            if (c == 'y' || c == 'm' || c == 'd' || c == 'h' || c == 's') {
                return true;
            }
        }
        return false;
    }

    static boolean isScientificFormat(String format) {
        String plain = withoutLiterals(format).toUpperCase(java.util.Locale.ROOT);
        return plain.contains("E+") || plain.contains("E-");
    }

    /** The format without quoted text, escaped characters, {@code [..]} parts (colours, locales) and "General". */
    private static String withoutLiterals(String format) {
        if (format == null) {
            return "";
        }
        StringBuilder plain = new StringBuilder(format.length());
        boolean quoted = false;
        boolean bracket = false;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (quoted) {
                quoted = c != '"';
            } else if (bracket) {
                bracket = c != ']';
            } else if (c == '"') {
                quoted = true;
            } else if (c == '[') {
                bracket = true;
            } else if (c == '\\' || c == '_' || c == '*') {
                i++;
            } else {
                plain.append(c);
            }
        }
        return plain.toString().replace("General", "").replace("GENERAL", "").replace("general", "");
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
