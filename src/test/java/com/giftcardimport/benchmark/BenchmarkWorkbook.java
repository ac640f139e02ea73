package com.giftcardimport.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The benchmark's rows ({@link BenchmarkRows}) as an Excel workbook written the way Excel writes one: every text in
 * the shared strings table (card numbers, pools, CVVs, points of contact, statuses), balances as numbers, purchase
 * dates as date-formatted numbers, one sheet "Cards" with its dimension. Streamed part by part, so writing a million
 * rows needs no memory to speak of: a text's index in the table is computed, not looked up.
 */
final class BenchmarkWorkbook {

    /** Shared strings: the header, the pools, the statuses, the points of contact, the CVVs, then the card numbers. */
    private static final int POCS = 997;
    private static final int CVV3 = 1000;
    private static final int CVV4 = 10_000;
    private static final int FIXED = 7 + 3 + 3 + POCS;
    private static final int CARDS = FIXED + CVV3 + CVV4;
    private static final long EXCEL_EPOCH = LocalDateTime.of(1899, 12, 30, 0, 0).toEpochSecond(ZoneOffset.UTC);

    private BenchmarkWorkbook() {
    }

    static void write(Path file, long rows) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            part(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                    <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
                    <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
                    </Types>""");
            part(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                    </Relationships>""");
            part(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                    <sheets><sheet name="Cards" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            part(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
                    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
                    <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
                    </Relationships>""");
            part(zip, "xl/styles.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
                    <fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>\
                    <fills count="1"><fill><patternFill patternType="none"/></fill></fills>\
                    <borders count="1"><border/></borders>\
                    <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
                    <cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
                    <xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
                    </styleSheet>""");
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            Writer sst = writer(zip);
            sst.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\""
                    + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
            for (String name : BenchmarkRows.HEADER.split(",")) {
                si(sst, name);
            }
            for (String pool : BenchmarkRows.POOLS) {
                si(sst, pool);
            }
            for (String status : BenchmarkRows.STATUSES) {
                si(sst, status);
            }
            for (int p = 0; p < POCS; p++) {
                si(sst, "POS-" + p);
            }
            for (int v = 0; v < CVV3; v++) {
                si(sst, String.format("%03d", v));
            }
            for (int v = 0; v < CVV4; v++) {
                si(sst, String.format("%04d", v));
            }
            for (long i = 0; i < rows; i++) {
                si(sst, BenchmarkRows.cardNumber(i));
            }
            sst.write("</sst>");
            sst.flush();
            zip.closeEntry();

            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            Writer sheet = writer(zip);
            sheet.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\""
                    + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><dimension ref=\"A1:G"
                    + (rows + 1) + "\"/><sheetData><row r=\"1\">");
            for (int c = 0; c < 7; c++) {
                text(sheet, c, 1, c);
            }
            sheet.write("</row>");
            for (long i = 0; i < rows; i++) {
                long r = i + 2;
                sheet.write("<row r=\"" + r + "\">");
                text(sheet, 0, r, CARDS + i);
                text(sheet, 1, r, 7 + BenchmarkRows.pool(i));
                String cvv = BenchmarkRows.cvv(i);
                if (!cvv.isEmpty()) {
                    text(sheet, 2, r, FIXED + (cvv.length() == 3 ? Integer.parseInt(cvv) : CVV3 + Integer.parseInt(cvv)));
                }
                sheet.write("<c r=\"D" + r + "\"><v>" + BenchmarkRows.balance(i).stripTrailingZeros().toPlainString()
                        + "</v></c>");
                String poc = BenchmarkRows.pointOfContact(i);
                if (!poc.isEmpty()) {
                    text(sheet, 4, r, 13 + Integer.parseInt(poc.substring(4)));
                }
                Instant at = BenchmarkRows.purchasedAt(i);
                if (at != null) {
                    BigDecimal serial = BigDecimal.valueOf(at.getEpochSecond() - EXCEL_EPOCH)
                            .divide(BigDecimal.valueOf(86_400), 10, RoundingMode.HALF_EVEN);
                    sheet.write("<c r=\"F" + r + "\" s=\"1\"><v>" + serial.toPlainString() + "</v></c>");
                }
                text(sheet, 6, r, 10 + BenchmarkRows.status(i));
                sheet.write("</row>");
            }
            sheet.write("</sheetData></worksheet>");
            sheet.flush();
            zip.closeEntry();
        }
    }

    private static Writer writer(ZipOutputStream zip) {
        return new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
    }

    private static void part(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(xml.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static void si(Writer out, String text) throws IOException {
        out.write("<si><t>");
        out.write(text);
        out.write("</t></si>");
    }

    private static void text(Writer out, int column, long row, long index) throws IOException {
        out.write("<c r=\"");
        out.write((char) ('A' + column));
        out.write(Long.toString(row));
        out.write("\" t=\"s\"><v>");
        out.write(Long.toString(index));
        out.write("</v></c>");
    }
}
