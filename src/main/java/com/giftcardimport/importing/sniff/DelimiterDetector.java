package com.giftcardimport.importing.sniff;

import com.giftcardimport.importing.FileFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks the delimiter among {@code , ; tab |} that splits the sampled rows most consistently: the header row into
 * at least two values and as many data rows as possible into the same number of values. Quotes are respected, so
 * a delimiter inside a quoted value does not count, and decimal commas in a semicolon file do not win: they give
 * the header one column and the rows a varying number. Ties go to more columns, then to tab, {@code ;},
 * {@code ,}, {@code |}.
 */
final class DelimiterDetector {

    /** How many rows after the header are compared. */
    static final int ROWS = 200;
    private static final char[] ORDER = {'\t', ';', ',', '|'};

    private DelimiterDetector() {
    }

    static char detect(String text) {
        char best = ',';
        double bestScore = -1;
        int bestColumns = 0;
        for (char delimiter : ORDER) {
            List<Integer> counts = valueCounts(text, delimiter);
            if (counts.isEmpty() || counts.getFirst() < 2) {
                continue;
            }
            int columns = counts.getFirst();
            int rows = counts.size() - 1;
            int same = 0;
            for (int i = 1; i < counts.size(); i++) {
                if (counts.get(i) == columns) {
                    same++;
                }
            }
            double score = rows == 0 ? 1.0 : (double) same / rows;
            if (score > bestScore + 1e-9 || (Math.abs(score - bestScore) <= 1e-9 && columns > bestColumns)) {
                best = delimiter;
                bestScore = score;
                bestColumns = columns;
            }
        }
        assert FileFormat.DELIMITERS.indexOf(best) >= 0;
        return best;
    }

    /**
     * How many values each non-empty row has when split by {@code delimiter}, for the header and up to
     * {@link #ROWS} rows after it. Quotes open only at the start of a value, {@code ""} inside stays inside; a line
     * break inside quotes does not end the row.
     */
    static List<Integer> valueCounts(String text, char delimiter) {
        List<Integer> counts = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n && counts.size() <= ROWS) {
            int values = 1;
            boolean blank = true;
            boolean fieldStart = true;
            boolean quoted = false;
            while (i < n) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            i++;
                        } else {
                            quoted = false;
                        }
                    }
                    i++;
                    continue;
                }
                if (c == '\n' || c == '\r') {
                    i++;
                    if (c == '\r' && i < n && text.charAt(i) == '\n') {
                        i++;
                    }
                    break;
                }
                if (c == delimiter) {
                    values++;
                    fieldStart = true;
                } else {
                    if (c == '"' && fieldStart) {
                        quoted = true;
                    }
                    if (!Character.isWhitespace(c)) {
                        blank = false;
                    }
                    fieldStart = false;
                }
                i++;
            }
            if (!blank) {
                counts.add(values);
            }
        }
        return counts;
    }
}
