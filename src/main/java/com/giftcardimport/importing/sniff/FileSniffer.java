package com.giftcardimport.importing.sniff;

import com.giftcardimport.importing.FileFormat;
import com.giftcardimport.importing.read.ReadLimits;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/**
 * Tells how to read an uploaded file from its head only (at most {@link #SAMPLE_BYTES}), so it answers fast for
 * any file size: encoding (byte-order mark → valid UTF-8 → ICU4J detection, Windows-1251 preferred among Cyrillic
 * encodings), delimiter (among {@code , ; tab |}, the one that splits the sampled rows consistently, quotes
 * respected), header, first rows, a row count estimate, and file-level problems (binary files, no header, …).
 */
@Component
public class FileSniffer {

    /** How many bytes of the head are read. */
    public static final int SAMPLE_BYTES = 1 << 20;
    /** How many data rows {@link SniffResult#sampleRows()} holds at most. */
    public static final int SAMPLE_ROWS = 20;

    private final ReadLimits limits;

    public FileSniffer(ReadLimits limits) {
        this.limits = limits;
    }

    public FileSniffer() {
        this(ReadLimits.defaults());
    }

    /** Detects everything. */
    public SniffResult sniff(Path file) throws IOException {
        throw new UnsupportedOperationException("TODO");
    }

    /** The user chose the encoding; the delimiter is detected again for it. */
    public SniffResult sniff(Path file, Charset encoding) throws IOException {
        throw new UnsupportedOperationException("TODO");
    }

    /** The user chose encoding and delimiter: the sample is read again with them. */
    public SniffResult sniff(Path file, FileFormat override) throws IOException {
        throw new UnsupportedOperationException("TODO");
    }
}
