package com.giftcardimport.importing.sniff;

import com.giftcardimport.i18n.Text;
import com.giftcardimport.importing.FileFormat;
import com.giftcardimport.importing.SourceRow;
import java.nio.charset.Charset;
import java.util.List;

/**
 * What the head of a file tells: how to read it, its columns, its first rows and roughly how many rows it has.
 *
 * @param detected      encoding and delimiter to read the file with (the override when one was given); never null,
 *                      UTF-8 and comma when nothing could be told
 * @param encoding      same as {@code detected.encoding()}
 * @param bomPresent    whether the file starts with a byte-order mark
 * @param headers       the column names of the header row (the first non-empty row), trimmed; empty when there is
 *                      no usable header
 * @param sampleRows    the first data rows (at most {@link FileSniffer#SAMPLE_ROWS}), read exactly as the import
 *                      will read them, with their spreadsheet row numbers
 * @param estimatedRows the number of data rows: exact when the whole file fits in the sample, else an estimate
 *                      from the average length of the sampled rows
 * @param problems      file-level problems in words for the user, said in the reader's language; when not empty, the file cannot be imported
 * @param exactRowCount whether {@code estimatedRows} is an exact count (the whole file fitted in the sample)
 * @param warnings      what the user should know but does not stop the import, in words said in the
 *                      reader's language: e.g. bytes that are not
 *                      valid UTF-8 in a file that otherwise is, and the encoding chosen instead
 * @param sheets        for an Excel workbook, the names of the sheets a person can choose, in order (the one read is
 *                      {@code detected.sheet()}); empty for a CSV/TXT file
 */
public record SniffResult(FileFormat detected, Charset encoding, boolean bomPresent, List<String> headers,
                          List<SourceRow> sampleRows, long estimatedRows, List<Text> problems,
                          boolean exactRowCount, List<Text> warnings, List<String> sheets) {

    public SniffResult {
        headers = List.copyOf(headers);
        sampleRows = List.copyOf(sampleRows);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
        sheets = List.copyOf(sheets);
    }

    /** What the head of a CSV/TXT file tells (no sheets). */
    public SniffResult(FileFormat detected, Charset encoding, boolean bomPresent, List<String> headers,
                       List<SourceRow> sampleRows, long estimatedRows, List<Text> problems, boolean exactRowCount,
                       List<Text> warnings) {
        this(detected, encoding, bomPresent, headers, sampleRows, estimatedRows, problems, exactRowCount, warnings,
                List.of());
    }

    /** The same result with {@code warning} added. */
    SniffResult withWarning(Text warning) {
        List<Text> all = new java.util.ArrayList<>(warnings);
        all.add(warning);
        return new SniffResult(detected, encoding, bomPresent, headers, sampleRows, estimatedRows, problems,
                exactRowCount, all, sheets);
    }

    /** Whether the file can go on to mapping: no file-level problem. */
    public boolean ok() {
        return problems.isEmpty();
    }
}
