package com.giftcardimport.importing.job;

import com.giftcardimport.importing.RowError;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A run of consecutive rows of one job, ready to load in one transaction: the valid cards as a binary COPY
 * stream for the staging table, and the row errors as a binary COPY stream for {@code import_error}. Duplicates
 * within the chunk are caught here (the first valid occurrence wins); those against stored cards and earlier
 * chunks are found by the database when the chunk is loaded. A whole-file check's chunk
 * ({@link JobLayout#numbersOnly()}) holds only the valid rows' card numbers and row numbers, repeats included: the
 * {@link CheckLoader} finds those among all the numbers of the file it holds, with the same messages.
 */
final class Chunk {

    /** The card columns, in COPY order: the same for {@code gift_card} and the staging table. */
    static final String CARD_COLUMNS = "project_id, pool_id, card_number, cvv_encrypted, balance, point_of_contact, "
            + "purchased_at, expires_at, status, import_job_id, import_row_number";
    static final String ERROR_COLUMNS =
            "job_id, project_id, row_number, seq, column_name, value, code, message, original_row, message_key, "
                    + "message_args";

    private final JobLayout layout;
    private final PgBinaryCopy cards;
    private final PgBinaryCopy errors;
    private final DuplicateCheck duplicates;
    private long[] rowNumbers = new long[1024];
    private String[] cardNumbers = new String[1024];
    private List<String>[] cells = newCellArray(1024);
    private int cardCount;
    private long failedRows;
    private long rowsRead;
    /** Characters of the cells kept for the valid cards (for the error report of a duplicate found later). */
    private long keptChars;
    private long lastRowNumber;
    private final long startedNanos = System.nanoTime();

    Chunk(JobLayout layout, int expectedRows) {
        this.layout = layout;
        this.duplicates = layout.numbersOnly() ? null
                : new DuplicateCheck(layout.cardNumberColumn(), expectedRows, number -> false);
        this.cards = new PgBinaryCopy(expectedRows * 96);
        this.errors = new PgBinaryCopy(4096);
    }

    /** A valid card from row {@code rowNumber}; false (and a row error) when an earlier row of the chunk has its number. */
    boolean addCard(long rowNumber, List<String> rowCells, long poolId, String cardNumber, byte[] cvvEncrypted,
                    BigDecimal balance, String pointOfContact, Instant purchasedAt, Instant expiresAt,
                    String status) {
        seen(rowNumber);
        if (isRepeat(rowNumber, rowCells, cardNumber)) {
            return false;
        }
        keep(rowNumber, rowCells, cardNumber);
        if (layout.numbersOnly()) {
            cards.row(2).text(cardNumber).int8(rowNumber);
            return true;
        }
        cards.row(11).int8(layout.projectId()).int8(poolId).text(cardNumber).bytea(cvvEncrypted).numeric(balance)
                .text(pointOfContact).timestamptz(purchasedAt).timestamptz(expiresAt).text(status)
                .int8(layout.jobId()).int8(rowNumber);
        return true;
    }

    /**
     * A valid row of a status update (its card is looked up when the chunk is loaded); false (and a row error) when
     * an earlier row of the chunk names the same card. Written for the status staging table: number, status, row.
     */
    boolean addStatusChange(long rowNumber, List<String> rowCells, String cardNumber, String status) {
        seen(rowNumber);
        if (isRepeat(rowNumber, rowCells, cardNumber)) {
            return false;
        }
        keep(rowNumber, rowCells, cardNumber);
        if (layout.numbersOnly()) {
            cards.row(2).text(cardNumber).int8(rowNumber);
            return true;
        }
        cards.row(3).text(cardNumber).text(status).int8(rowNumber);
        return true;
    }

    /** Whether an earlier row of the chunk had the number (then the row fails as its duplicate). */
    private boolean isRepeat(long rowNumber, List<String> rowCells, String cardNumber) {
        RowError duplicate = duplicates == null ? null : duplicates.check(rowNumber, cardNumber);
        if (duplicate != null) {
            writeErrors(rowNumber, rowCells, List.of(duplicate));
        }
        return duplicate != null;
    }

    /** Keeps a valid row's number and cells, for an error the database finds when the chunk is loaded. */
    private void keep(long rowNumber, List<String> rowCells, String cardNumber) {
        if (cardCount == rowNumbers.length) {
            int n = cardCount * 2;
            rowNumbers = Arrays.copyOf(rowNumbers, n);
            cardNumbers = Arrays.copyOf(cardNumbers, n);
            cells = Arrays.copyOf(cells, n);
        }
        rowNumbers[cardCount] = rowNumber;
        cardNumbers[cardCount] = cardNumber;
        cells[cardCount] = rowCells;
        for (String cell : rowCells) {
            keptChars += cell.length();
        }
        cardCount++;
    }

    /** A row that fails, with its errors (at least one). */
    void addErrors(long rowNumber, List<String> rowCells, List<RowError> rowErrors) {
        seen(rowNumber);
        writeErrors(rowNumber, rowCells, rowErrors);
    }

    private void writeErrors(long rowNumber, List<String> rowCells, List<RowError> rowErrors) {
        failedRows++;
        int seq = 0;
        for (RowError error : rowErrors) {
            errors.row(11).int8(layout.jobId()).int8(layout.projectId()).int8(rowNumber).int4(seq)
                    .text(error.column()).text(error.value()).text(error.code()).text(error.message())
                    .textArray(seq == 0 ? layout.maskedCells(rowCells) : null)
                    .text(error.text() == null ? null : error.text().key())
                    .textArray(error.text() == null ? null : error.text().arguments());
            seq++;
        }
    }

    /** A valid row the database refused because its card number was taken; found after the staging load. */
    void addDuplicate(long rowNumber, boolean sameJob, Long firstRowNumber) {
        String cardNumber = cardNumberOf(rowNumber);
        failKept(rowNumber, sameJob && firstRowNumber != null
                ? LoadErrorCodes.duplicateInFile(rowNumber, layout.cardNumberColumn(), cardNumber, firstRowNumber)
                : LoadErrorCodes.alreadyExists(rowNumber, layout.cardNumberColumn(), cardNumber));
    }

    /**
     * A valid row of a status update whose card the database did not find in the project, or whose card an earlier
     * row of the file (row {@code firstRowNumber}, or null) already named.
     */
    void addStatusFailure(long rowNumber, Long firstRowNumber) {
        String cardNumber = cardNumberOf(rowNumber);
        failKept(rowNumber, firstRowNumber != null
                ? LoadErrorCodes.duplicateInFile(rowNumber, layout.cardNumberColumn(), cardNumber, firstRowNumber)
                : LoadErrorCodes.unknownCard(rowNumber, layout.cardNumberColumn(), cardNumber));
    }

    private String cardNumberOf(long rowNumber) {
        return cardNumbers[indexOf(rowNumber)];
    }

    private void failKept(long rowNumber, RowError error) {
        writeErrors(rowNumber, cells[indexOf(rowNumber)], List.of(error));
    }

    private int indexOf(long rowNumber) {
        int i = Arrays.binarySearch(rowNumbers, 0, cardCount, rowNumber);
        if (i < 0) {
            throw new IllegalStateException("Row " + rowNumber + " is not a card of this chunk");
        }
        return i;
    }

    private void seen(long rowNumber) {
        rowsRead++;
        lastRowNumber = Math.max(lastRowNumber, rowNumber);
    }

    int cardCount() {
        return cardCount;
    }

    /** The row number of the chunk's {@code i}-th valid card (in file order). */
    long cardRowNumber(int i) {
        return rowNumbers[i];
    }

    /** The card number of the chunk's {@code i}-th valid card. */
    String cardNumber(int i) {
        return cardNumbers[i];
    }

    long failedRows() {
        return failedRows;
    }

    /**
     * About how many bytes the chunk holds: its two COPY streams and the cells kept for its cards (a character
     * counted as a byte, as Java keeps Latin-1 text). Rows at the size limits make a chunk big long before it has
     * many rows, so the producer hands it over by size too.
     */
    long sizeBytes() {
        return cards.size() + errors.size() + keptChars;
    }

    long rowsRead() {
        return rowsRead;
    }

    long lastRowNumber() {
        return lastRowNumber;
    }

    boolean isEmpty() {
        return rowsRead == 0;
    }

    long ageNanos() {
        return System.nanoTime() - startedNanos;
    }

    PgBinaryCopy cards() {
        return cards;
    }

    PgBinaryCopy errors() {
        return errors;
    }

    boolean hasErrors() {
        return errors.rows() > 0;
    }

    @SuppressWarnings("unchecked")
    private static List<String>[] newCellArray(int n) {
        return (List<String>[]) new List<?>[n];
    }
}
