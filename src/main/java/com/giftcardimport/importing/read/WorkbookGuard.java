package com.giftcardimport.importing.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Checks a workbook before any part of it is parsed, so that no file can make the reader hold or unpack more than a
 * bounded amount (docs/security.md, "Excel workbooks"). It unpacks every entry once, counting what comes out (not
 * what the ZIP directory claims), and refuses:
 * <ul>
 *   <li>a file that is not a ZIP or holds no {@code xl/workbook.xml};</li>
 *   <li>more than {@link #MAX_ENTRIES} entries;</li>
 *   <li>more than {@link #MAX_UNPACKED_BYTES} unpacked in all, or more than {@link #MAX_RATIO} times the file's size
 *       (with {@link #RATIO_ALLOWANCE_BYTES} allowed whatever the size): a ZIP bomb;</li>
 *   <li>a stretch of more than four times {@link ReadLimits#maxRecordChars()} bytes (at least
 *       {@link #MIN_RUN_BYTES}) without XML markup: one text or tag that the XML parser would hold whole in memory.</li>
 * </ul>
 */
final class WorkbookGuard {

    static final int MAX_ENTRIES = 10_000;
    static final long MAX_UNPACKED_BYTES = 4L << 30;
    static final int MAX_RATIO = 100;
    static final long RATIO_ALLOWANCE_BYTES = 16L << 20;
    /** The stretch without markup always allowed, whatever the limits: a workbook's own parts need it. */
    static final long MIN_RUN_BYTES = 1L << 20;

    private WorkbookGuard() {
    }

    /**
     * @throws MalformedFileException when the file is refused, with the reason in words for the user
     * @throws IOException            when the disk fails
     */
    static void check(Path file, ReadLimits limits) throws IOException {
        long size = Files.size(file);
        long maxUnpacked = Math.min(MAX_UNPACKED_BYTES, Math.max(RATIO_ALLOWANCE_BYTES, size * MAX_RATIO));
        long maxRun = Math.max(MIN_RUN_BYTES, 4L * limits.maxRecordChars());
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_ENTRIES) {
                throw new MalformedFileException(0, "fileProblem.tooManyParts", MAX_ENTRIES);
            }
            if (zip.getEntry("xl/workbook.xml") == null) {
                throw new NotAWorkbookException();
            }
            long unpacked = 0;
            byte[] buffer = new byte[64 * 1024];
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                long run = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        unpacked += n;
                        if (unpacked > maxUnpacked) {
                            throw new MalformedFileException(0, "fileProblem.zipBomb", megabytes(maxUnpacked),
                                    megabytes(size));
                        }
                        run = longestRun(buffer, n, run, maxRun);
                    }
                }
            }
        } catch (ZipException e) {
            throw new NotAWorkbookException();
        }
    }

    /** Follows the stretch without {@code <} or {@code >} across the buffer; refuses one longer than {@code max}. */
    private static long longestRun(byte[] buffer, int n, long run, long max) {
        long current = run;
        for (int i = 0; i < n; i++) {
            byte b = buffer[i];
            if (b == '<' || b == '>') {
                current = 0;
            } else if (++current > max) {
                throw new MalformedFileException(0, "fileProblem.longPart", max);
            }
        }
        return current;
    }

    private static long megabytes(long bytes) {
        return Math.max(1, bytes >> 20);
    }
}
