package com.giftcardimport.importing.read;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Sheet;
import org.dhatim.fastexcel.reader.SheetVisibility;

/**
 * An Excel workbook ({@code .xlsx}) opened for streaming: the stream is copied to a private temporary file (a ZIP
 * is read from its directory at the end, and the library would otherwise hold a stream whole in memory), the file is
 * checked by {@link WorkbookGuard} before any part of it is parsed, and it is deleted on {@link #close()}.
 */
final class Workbook implements Closeable {

    private static final Pattern DIMENSION =
            Pattern.compile("<dimension\\s+ref=\"[A-Z]+\\d+:[A-Z]+(\\d+)\"");

    private final Path file;
    private final ReadableWorkbook workbook;

    private Workbook(Path file, ReadableWorkbook workbook) {
        this.file = file;
        this.workbook = workbook;
    }

    /**
     * Copies {@code in} (read to its end, then closed), checks and opens it.
     *
     * @throws MalformedFileException when it is not a workbook or one that cannot be read safely
     */
    static Workbook open(InputStream in, ReadLimits limits) throws IOException {
        Path file = Files.createTempFile("gci-workbook-", ".xlsx");
        try {
            try (in) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            WorkbookGuard.check(file, limits);
            return new Workbook(file, new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false)));
        } catch (ExcelReaderException e) {
            Files.deleteIfExists(file);
            throw new NotAWorkbookException();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** The names of the sheets a person sees in Excel (hidden ones left out), in the workbook's order. */
    List<String> visibleSheetNames() {
        return workbook.getSheets().filter(s -> s.getVisibility() == SheetVisibility.VISIBLE).map(Sheet::getName)
                .toList();
    }

    /**
     * The sheet named {@code name}.
     *
     * @throws MalformedFileException when the workbook has no such sheet
     */
    Sheet sheet(String name) {
        return workbook.findSheet(name).orElseThrow(() -> new MalformedFileException(0,
                "fileProblem.noSuchSheet", name));
    }

    /**
     * The last row of {@code sheet} by its {@code <dimension ref="A1:G1000001"/>}, read from the head of its part
     * (Excel writes it before the rows); empty when the sheet does not say.
     */
    OptionalLong lastRowHint(String sheet) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String rId = sheet(sheet).getId();
            String rels = head(zip, "xl/_rels/workbook.xml.rels", 1 << 20);
            Matcher target = Pattern.compile("<Relationship\\b[^>]*\\bId=\"" + Pattern.quote(rId)
                    + "\"[^>]*\\bTarget=\"([^\"]+)\"|<Relationship\\b[^>]*\\bTarget=\"([^\"]+)\"[^>]*\\bId=\""
                    + Pattern.quote(rId) + "\"").matcher(rels);
            if (!target.find()) {
                return OptionalLong.empty();
            }
            String path = target.group(1) != null ? target.group(1) : target.group(2);
            path = path.startsWith("/") ? path.substring(1) : "xl/" + path;
            Matcher dimension = DIMENSION.matcher(head(zip, path, 64 * 1024));
            return dimension.find() ? OptionalLong.of(Long.parseLong(dimension.group(1))) : OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    private static String head(ZipFile zip, String entry, int bytes) throws IOException {
        ZipEntry part = zip.getEntry(entry);
        if (part == null) {
            return "";
        }
        try (InputStream in = zip.getInputStream(part)) {
            return new String(in.readNBytes(bytes), StandardCharsets.UTF_8);
        }
    }

    /** Whether dates count from 1904 (old Mac workbooks) rather than 1900. */
    boolean date1904() {
        return workbook.isDate1904();
    }

    @Override
    public void close() throws IOException {
        try {
            workbook.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
