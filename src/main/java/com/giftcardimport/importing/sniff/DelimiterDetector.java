package com.giftcardimport.importing.sniff;

import com.giftcardimport.importing.FileFormat;
import com.giftcardimport.importing.read.CsvRecord;
import com.giftcardimport.importing.read.CsvTokenizer;
import com.giftcardimport.importing.read.ReadLimits;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks the delimiter among {@code , ; tab |} that splits the sampled rows most consistently: the header row into
 * at least two values and as many data rows as possible into the same number of values. The rows are read with the
 * import's own grammar, so a delimiter inside a quoted value does not count, and decimal commas in a semicolon file
 * do not win: they give the header one column and the rows a varying number. Ties go to more columns, then to tab, {@code ;},
 * {@code ,}, {@code |}.
 */
final class DelimiterDetector {

    /** How many rows after the header are compared. */
    static final int ROWS = 200;
    private static final char[] ORDER = {'\t', ';', ',', '|'};

    private DelimiterDetector() {
    }

    static char detect(String text, ReadLimits limits) {
        char best = ',';
        double bestScore = -1;
        int bestColumns = 0;
        for (char delimiter : ORDER) {
            List<Integer> counts = valueCounts(text, delimiter, limits);
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
     * How many values each non-blank record has when {@code text} is read with {@code delimiter}, for the header
     * and up to {@link #ROWS} records after it: read by the same grammar and limits as the import reads the file
     * ({@link CsvTokenizer}), so a delimiter inside a quoted value does not count.
     */
    static List<Integer> valueCounts(String text, char delimiter, ReadLimits limits) {
        List<Integer> counts = new ArrayList<>();
        try (CsvTokenizer tokenizer = new CsvTokenizer(new StringReader(text), delimiter, limits)) {
            CsvRecord record;
            while (counts.size() <= ROWS && (record = tokenizer.next()) != null) {
                if (!record.blank()) {
                    counts.add(record.values().size());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("A string cannot fail to read", e);
        }
        return counts;
    }
}
