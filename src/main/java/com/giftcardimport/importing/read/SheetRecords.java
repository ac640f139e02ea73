package com.giftcardimport.importing.read;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.Row;

/**
 * The rows of one sheet as {@link CsvRecord}s, streamed: one record per sheet row, the rows a sheet leaves out
 * (empty ones) given as empty records so that {@link CsvRowReader} numbers every row as the sheet does. Cells become
 * text by {@link SheetCells}; the {@link ReadLimits} apply as in a CSV file: a value is cut at
 * {@link ReadLimits#maxFieldChars()}, a row at {@link ReadLimits#maxRecordChars()} characters or
 * {@link ReadLimits#maxColumns()} values.
 */
final class SheetRecords implements RecordSource {

    private static final CsvRecord EMPTY_ROW = new CsvRecord(List.of(""), List.of(), false, false);

    private final Workbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private final SheetCells cells;
    private final ReadLimits limits;
    private long emitted;
    private Row pending;

    SheetRecords(Workbook workbook, String sheet, ReadLimits limits) throws IOException {
        this.workbook = workbook;
        this.stream = workbook.sheet(sheet).openStream();
        this.rows = stream.iterator();
        this.cells = new SheetCells(workbook.date1904());
        this.limits = limits;
    }

    @Override
    public CsvRecord next() {
        if (pending == null) {
            pending = nextRow();
            if (pending == null) {
                return null;
            }
        }
        emitted++;
        if (emitted < pending.getRowNum()) {
            return EMPTY_ROW;
        }
        Row row = pending;
        pending = null;
        return record(row);
    }

    private Row nextRow() {
        try {
            return rows.hasNext() ? rows.next() : null;
        } catch (ExcelReaderException e) {
            throw new MalformedFileException(emitted + 1, "fileProblem.damagedSheet", emitted);
        }
    }

    private CsvRecord record(Row row) {
        int count = row.getCellCount();
        boolean cut = count > limits.maxColumns();
        int columns = Math.min(count, limits.maxColumns());
        List<String> values = new ArrayList<>(columns);
        List<Integer> cutValues = List.of();
        long chars = 0;
        for (int i = 0; i < columns && !cut; i++) {
            Cell cell = row.getCell(i);
            String text = cells.text(cell);
            if (text.length() > limits.maxFieldChars()) {
                text = text.substring(0, limits.maxFieldChars());
                cutValues = cutValues.isEmpty() ? new ArrayList<>(2) : cutValues;
                cutValues.add(values.size());
            }
            chars += text.length() + 1;
            if (chars > limits.maxRecordChars() + 1L) {
                cut = true;
                text = text.substring(0, (int) Math.max(0, text.length() - (chars - limits.maxRecordChars() - 1)));
            }
            values.add(text);
        }
        return new CsvRecord(values.isEmpty() ? List.of("") : values, cutValues, cut, false);
    }

    @Override
    public void close() throws IOException {
        try {
            stream.close();
        } finally {
            workbook.close();
        }
    }
}
