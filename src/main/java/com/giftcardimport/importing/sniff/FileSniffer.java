package com.giftcardimport.importing.sniff;

import com.giftcardimport.i18n.Text;
import com.giftcardimport.importing.FileFormat;
import com.giftcardimport.importing.SourceRow;
import com.giftcardimport.importing.file.FileSource;
import com.giftcardimport.importing.read.CsvRowReader;
import com.giftcardimport.importing.read.MalformedFileException;
import com.giftcardimport.importing.read.NotAWorkbookException;
import com.giftcardimport.importing.read.ReadLimits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Tells how to read an uploaded file from its head only (at most {@link #SAMPLE_BYTES}), so it answers fast
 * whatever the file size: encoding (byte-order mark → valid UTF-8 → Cyrillic heuristics and ICU4J, see
 * {@link EncodingDetector}), delimiter (see {@link DelimiterDetector}), header, the first rows exactly as the
 * import will read them, a row count (exact when the whole file fits in the head, else estimated from the average
 * row length), and file-level problems: not a text file, empty, no header, no line breaks, an unclosed quote, no
 * data rows. An Excel workbook is read by {@link WorkbookSniffer} instead. Plain Java, no request or security context.
 */
@Component
public class FileSniffer {

    /** How many bytes of the head are read. */
    public static final int SAMPLE_BYTES = 1 << 20;
    /** How many data rows {@link SniffResult#sampleRows()} holds at most. */
    public static final int SAMPLE_ROWS = 20;
    /** How many characters of the head the delimiter detection looks at. */
    private static final int DELIMITER_SAMPLE_CHARS = 256 * 1024;

    private final ReadLimits limits;
    private final WorkbookSniffer workbooks;

    @Autowired
    public FileSniffer(ReadLimits limits) {
        this.limits = limits;
        this.workbooks = new WorkbookSniffer(limits);
    }

    public FileSniffer() {
        this(ReadLimits.defaults());
    }

    /** Detects everything. */
    public SniffResult sniff(Path file) throws IOException {
        return sniffHead(source(file), null, null);
    }

    /** Detects everything. */
    public SniffResult sniff(FileSource file) throws IOException {
        return sniffHead(file, null, null);
    }

    /** The user chose the encoding; the delimiter is detected again with it. */
    public SniffResult sniff(Path file, Charset encoding) throws IOException {
        return sniffHead(source(file), encoding, null);
    }

    /** The user chose the encoding; the delimiter is detected again with it. */
    public SniffResult sniff(FileSource file, Charset encoding) throws IOException {
        return sniffHead(file, encoding, null);
    }

    /** The user chose encoding and delimiter: the sample is read again with them. */
    public SniffResult sniff(Path file, FileFormat override) throws IOException {
        return sniff(source(file), override);
    }

    /** The user chose encoding and delimiter, or a workbook's sheet: the sample is read again with them. */
    public SniffResult sniff(FileSource file, FileFormat override) throws IOException {
        if (override.isWorkbook()) {
            return workbooks.sniff(file, override.sheet());
        }
        return sniffHead(file, override.encoding(), override.delimiter());
    }

    /** An encoding or a delimiter given overrides its detection; the rest is detected. */
    public SniffResult sniff(FileSource file, Optional<Charset> encoding, Optional<Character> delimiter)
            throws IOException {
        return sniffHead(file, encoding.orElse(null), delimiter.orElse(null));
    }

    private static FileSource source(Path file) {
        return new FileSource() {
            @Override
            public long size() throws IOException {
                return Files.size(file);
            }

            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }
        };
    }

    private SniffResult sniffHead(FileSource file, Charset forcedEncoding, Character forcedDelimiter)
            throws IOException {
        long size = file.size();
        byte[] head = new byte[(int) Math.min(size, SAMPLE_BYTES)];
        int length;
        try (InputStream in = file.open()) {
            length = in.readNBytes(head, 0, head.length);
        }
        boolean truncated = length < size;

        EncodingDetector.Bom bom = EncodingDetector.bom(head, length);
        Charset encoding;
        if (forcedEncoding != null) {
            encoding = forcedEncoding;
        } else if (bom != null) {
            encoding = bom.charset();
        } else {
            Charset utf16 = EncodingDetector.utf16WithoutBom(head, length);
            encoding = utf16 != null ? utf16 : null;
        }
        boolean utf16 = isUtf16(encoding) || (bom != null && isUtf16(bom.charset()));

        if (size == 0) {
            return problem(StandardCharsets.UTF_8, false, Text.of("fileProblem.empty"), true);
        }
        if (BinarySignatures.isZip(head, length)) {
            try {
                return workbooks.sniff(file, null);
            } catch (NotAWorkbookException e) {
                // another kind of ZIP: named below
            }
        }
        Text binary = BinarySignatures.problem(head, length, utf16);
        if (binary != null) {
            return problem(encoding == null ? StandardCharsets.UTF_8 : encoding, bom != null, binary, false);
        }
        boolean detectedEncoding = encoding == null;
        if (detectedEncoding) {
            encoding = EncodingDetector.detect(head, length, truncated);
        }

        // the sample: the head up to its last complete line, so no row is cut in the middle
        int cut = truncated ? lastLineEnd(head, length, encoding) : length;
        if (cut == 0) {
            FileFormat format = new FileFormat(encoding, forcedDelimiter != null ? forcedDelimiter : ',');
            return new SniffResult(format, encoding, bom != null, List.of(), List.of(), 0,
                    List.of(Text.of("fileProblem.noLineBreak", SAMPLE_BYTES >> 20)), false, List.of());
        }
        char delimiter = forcedDelimiter != null ? forcedDelimiter : DelimiterDetector.detect(
                textForDelimiter(head, cut, encoding, bom), limits);
        FileFormat format = new FileFormat(encoding, delimiter);
        SniffResult result = read(format, bom != null, head, cut, size, truncated);
        Text invalid = detectedEncoding ? Utf8Check.of(head, length, truncated).warning(encoding, truncated) : null;
        return invalid == null ? result : result.withWarning(invalid);
    }

    /** Reads the sample with the real reader: header, first rows, row count, problems. */
    private SniffResult read(FileFormat format, boolean bomPresent, byte[] head, int cut, long size,
                             boolean truncated) throws IOException {
        List<Text> problems = new ArrayList<>();
        List<String> headers = List.of();
        List<SourceRow> sample = new ArrayList<>();
        long rows = 0;
        boolean complete = !truncated;
        try (CsvRowReader reader = CsvRowReader.open(new ByteArrayInputStream(head, 0, cut), format, limits)) {
            headers = reader.header();
            while (reader.hasNext()) {
                SourceRow row = reader.next();
                if (sample.size() < SAMPLE_ROWS) {
                    sample.add(row);
                }
                rows++;
            }
        } catch (MalformedFileException e) {
            if (headers.isEmpty()) {
                return new SniffResult(format, format.encoding(), bomPresent, List.of(), List.of(), 0,
                        List.of(e.text()), complete, List.of());
            }
            if (complete) {
                problems.add(e.text());
            } else {
                // the head ends inside a quoted value that spans lines: the rows read so far are fine
                complete = false;
            }
        }
        long estimate = rows;
        if (!complete) {
            int headerBytes = Math.max(0, firstLineEnd(head, cut, format.encoding()));
            double perByte = cut > headerBytes ? (double) rows / (cut - headerBytes) : 0;
            estimate = Math.round(perByte * (size - headerBytes));
        } else if (rows == 0 && problems.isEmpty()) {
            problems.add(Text.of("fileProblem.noDataRows"));
        }
        return new SniffResult(format, format.encoding(), bomPresent, headers, sample, estimate, problems, complete,
                List.of());
    }

    private static SniffResult problem(Charset encoding, boolean bomPresent, Text problem, boolean exact) {
        return new SniffResult(new FileFormat(encoding, ','), encoding, bomPresent, List.of(), List.of(), 0,
                List.of(problem), exact, List.of());
    }

    private static String textForDelimiter(byte[] head, int cut, Charset encoding, EncodingDetector.Bom bom) {
        int bytes = Math.min(cut, DELIMITER_SAMPLE_CHARS * 2);
        String text = EncodingDetector.decode(head, bytes, encoding);
        if (!text.isEmpty() && text.charAt(0) == '\ufeff') {
            text = text.substring(1);
        }
        return text.length() > DELIMITER_SAMPLE_CHARS ? text.substring(0, DELIMITER_SAMPLE_CHARS) : text;
    }

    private static boolean isUtf16(Charset charset) {
        return charset != null && charset.name().startsWith("UTF-16");
    }

    private static boolean isLineEnd(byte b) {
        return b == '\n' || b == '\r';
    }

    /** The length of the head up to and including its last line end (LF or CR), or 0 when it has none. */
    static int lastLineEnd(byte[] head, int length, Charset encoding) {
        if (isUtf16(encoding)) {
            boolean little = !encoding.equals(StandardCharsets.UTF_16BE);
            for (int i = (length & ~1) - 2; i >= 0; i -= 2) {
                if (little ? isLineEnd(head[i]) && head[i + 1] == 0 : head[i] == 0 && isLineEnd(head[i + 1])) {
                    return i + 2;
                }
            }
            return 0;
        }
        for (int i = length - 1; i >= 0; i--) {
            if (isLineEnd(head[i])) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The length of the head up to and including its first line end, or {@code length} when it has none. */
    static int firstLineEnd(byte[] head, int length, Charset encoding) {
        if (isUtf16(encoding)) {
            boolean little = !encoding.equals(StandardCharsets.UTF_16BE);
            for (int i = 0; i + 1 < length; i += 2) {
                if (little ? isLineEnd(head[i]) && head[i + 1] == 0 : head[i] == 0 && isLineEnd(head[i + 1])) {
                    return i + 2;
                }
            }
            return length;
        }
        for (int i = 0; i < length; i++) {
            if (isLineEnd(head[i])) {
                return i + 1;
            }
        }
        return length;
    }
}
