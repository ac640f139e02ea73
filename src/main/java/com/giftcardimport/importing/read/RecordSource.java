package com.giftcardimport.importing.read;

import java.io.Closeable;
import java.io.IOException;

/**
 * Where a {@link CsvRowReader} takes its records from, one physical row each: the CSV grammar over decoded text
 * ({@link CsvTokenizer}) or the rows of a workbook's sheet ({@link SheetRecords}), each already within the
 * {@link ReadLimits}.
 */
interface RecordSource extends Closeable {

    /** The next physical row (an empty one included), or null at the end. */
    CsvRecord next() throws IOException;
}
