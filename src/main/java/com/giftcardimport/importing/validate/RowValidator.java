package com.giftcardimport.importing.validate;

import static com.giftcardimport.importing.RowErrorCodes.BALANCE_NOT_FACE_VALUE;
import static com.giftcardimport.importing.RowErrorCodes.CVV_MISSING;
import static com.giftcardimport.importing.RowErrorCodes.INVALID_ENCODING;
import static com.giftcardimport.importing.RowErrorCodes.POINT_OF_CONTACT_TOO_LONG;
import static com.giftcardimport.importing.RowErrorCodes.POOL_MISSING;
import static com.giftcardimport.importing.RowErrorCodes.POOL_NOT_FOUND;
import static com.giftcardimport.importing.RowErrorCodes.ROW_HAS_EXTRA_VALUES;

import com.giftcardimport.importing.ColumnMapping;
import com.giftcardimport.importing.GiftCardField;
import com.giftcardimport.importing.RowError;
import com.giftcardimport.importing.SourceRow;
import com.giftcardimport.card.CvvMask;
import com.giftcardimport.card.GiftCardStatus;
import com.giftcardimport.pool.Pool;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies the row rules of SPEC §3 to the rows of one file: builds the value objects from the mapped cells and
 * collects every problem of the row as a {@link RowError} (the file's column name, the value as the file had it
 * with a CVV masked, a stable code, a message naming the value and the rule). Pools are looked up only among the
 * importing project's pools, so a pool of another project reads exactly like one that does not exist.
 *
 * <p>Also checked here: a row with more non-empty values than the header has columns fails (a value probably
 * holds an unquoted delimiter and every later value moved one column); a mapped value holding U+FFFD (bytes the
 * encoding could not read) fails. Unmapped columns are never looked at. Card number uniqueness is left to the
 * loader (SQL).
 *
 * <p>Immutable and thread-safe; cheap on the happy path (no regular expressions, no exceptions).
 */
public final class RowValidator {

    public static final int MAX_POINT_OF_CONTACT = 255;

    private final int cardNumber;
    private final int pool;
    private final int cvv;
    private final int balance;
    private final int pointOfContact;
    private final int purchaseDate;
    private final int status;
    private final int[] mapped;
    private final String[] columnNames;
    private final int headerColumns;
    private final Map<String, Pool> pools;
    private final Clock clock;

    /**
     * @param mapping the column mapping; it must have no {@link ColumnMapping#problems()}
     * @param headers the file's column names, for the error messages
     * @param pools   the importing project's pools by system name
     * @param clock   for "not in the future"
     * @throws IllegalArgumentException when the mapping has problems
     */
    public RowValidator(ColumnMapping mapping, List<String> headers, Map<String, Pool> pools, Clock clock) {
        List<String> problems = mapping.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        this.cardNumber = mapping.columnOf(GiftCardField.CARD_NUMBER);
        this.pool = mapping.columnOf(GiftCardField.POOL);
        this.cvv = mapping.columnOf(GiftCardField.CVV);
        this.balance = mapping.columnOf(GiftCardField.BALANCE);
        this.pointOfContact = mapping.columnOf(GiftCardField.POINT_OF_CONTACT);
        this.purchaseDate = mapping.columnOf(GiftCardField.PURCHASE_DATE);
        this.status = mapping.columnOf(GiftCardField.STATUS);
        this.mapped = mapping.columnsByField().values().stream().mapToInt(Integer::intValue).sorted().toArray();
        int columns = Math.max(headers.size(), mapping.columnCount());
        this.columnNames = new String[columns];
        for (int i = 0; i < columns; i++) {
            String name = i < headers.size() && headers.get(i) != null ? headers.get(i).strip() : "";
            columnNames[i] = name.isEmpty() ? "Column " + (i + 1) : name;
        }
        this.headerColumns = headers.size();
        this.pools = Map.copyOf(pools);
        this.clock = clock;
    }

    /** A valid card or every problem of the row. Rows the reader already failed keep the reader's errors. */
    public RowOutcome validate(SourceRow row) {
        long number = row.rowNumber();
        if (row.hasReadErrors()) {
            return new InvalidRow(number, maskCvv(row.readErrors()));
        }
        RowProblems problems = new RowProblems(number);
        checkExtraValues(row, problems);
        checkReadable(row, problems);
        String cardNumber = cardNumber(row, problems);
        Pool target = pool(row, problems);
        String cvvDigits = cvv(row, problems);
        checkCvvRequired(row, target, cvvDigits, problems);
        BigDecimal amount = balance(row, target, problems);
        String contact = pointOfContact(row, problems);
        Instant purchasedAt = purchaseDate(row, problems);
        GiftCardStatus cardStatus = status(row, problems);
        if (problems.any()) {
            return new InvalidRow(number, problems.list());
        }
        return new ValidCard(number, cardNumber, target.id().value(), cvvDigits, amount, contact, purchasedAt,
                target.validity().expiryFrom(purchasedAt).orElse(null), cardStatus.name());
    }

    /** More non-empty values than the header has columns: a value probably holds an unquoted delimiter. */
    private void checkExtraValues(SourceRow row, RowProblems problems) {
        if (row.cells().size() <= headerColumns) {
            return;
        }
        int extra = 0;
        for (int i = headerColumns; i < row.cells().size(); i++) {
            if (!CellText.strip(row.cell(i)).isEmpty()) {
                extra = i + 1;
            }
        }
        if (extra > 0) {
            problems.add(new RowError(problems.row(), null, null, ROW_HAS_EXTRA_VALUES, "The row has " + extra
                    + " values but the header has " + headerColumns + " columns: a value probably contains the "
                    + "delimiter without quotes around it (for example a decimal comma in a comma-separated "
                    + "file), so the values after it moved to other columns"));
        }
    }

    /** A mapped cell holding U+FFFD: bytes the file's encoding could not read. */
    private void checkReadable(SourceRow row, RowProblems problems) {
        for (int column : mapped) {
            if (!readable(row, column)) {
                problems.add(new RowError(problems.row(), columnNames[column], shown(column, row.cell(column)),
                        INVALID_ENCODING, columnNames[column] + " " + CellText.quoted(shown(column, row.cell(column)))
                        + " contains bytes that are not text in the file's encoding (shown as \ufffd): choose the "
                        + "right encoding for the file or save it as UTF-8"));
            }
        }
    }

    private String cardNumber(SourceRow row, RowProblems problems) {
        if (!readable(row, cardNumber)) {
            return null;
        }
        try {
            return CardNumber.parse(row.cell(cardNumber)).value();
        } catch (InvalidValueException e) {
            problems.add(error(problems.row(), cardNumber, row, e));
            return null;
        }
    }

    /** The project's pool the row names (exactly, or in lower case); null with a problem when there is none. */
    private Pool pool(SourceRow row, RowProblems problems) {
        if (!readable(row, pool)) {
            return null;
        }
        String name = CellText.strip(row.cell(pool));
        if (name.isEmpty()) {
            problems.add(new RowError(problems.row(), columnNames[pool], row.cell(pool), POOL_MISSING,
                    "The pool system name is empty: every card needs the pool it goes into"));
            return null;
        }
        Pool found = pools.get(name);
        if (found == null) {
            found = pools.get(name.toLowerCase(Locale.ROOT));
        }
        if (found == null) {
            problems.add(new RowError(problems.row(), columnNames[pool], row.cell(pool), POOL_NOT_FOUND,
                    "Pool " + CellText.quoted(name) + " does not exist in this project: create it first or "
                            + "check the system name"));
        }
        return found;
    }

    /** The CVV's digits when the cell holds one; null when it is empty, unmapped or invalid (with a problem). */
    private String cvv(SourceRow row, RowProblems problems) {
        if (cvv < 0 || !readable(row, cvv) || CellText.strip(row.cell(cvv)).isEmpty()) {
            return null;
        }
        try {
            return Cvv.parse(row.cell(cvv)).digits();
        } catch (InvalidValueException e) {
            problems.add(error(problems.row(), cvv, row, e));
            return null;
        }
    }

    /** A pool with CVV transfer needs a CVV in every row. */
    private void checkCvvRequired(SourceRow row, Pool target, String cvvDigits, RowProblems problems) {
        if (target != null && target.cvvRequired() && cvvDigits == null
                && (cvv < 0 || CellText.strip(row.cell(cvv)).isEmpty())) {
            problems.add(new RowError(problems.row(), cvv >= 0 ? columnNames[cvv] : null, "", CVV_MISSING,
                    "The CVV is empty: pool " + CellText.quoted(target.systemName().value()) + " transfers CVVs, "
                            + "so every card of it needs a CVV of 3 or 4 digits"));
        }
    }

    /** The balance; in a fixed-value pool it must be the pool's face value. */
    private BigDecimal balance(SourceRow row, Pool target, RowProblems problems) {
        if (!readable(row, balance)) {
            return null;
        }
        try {
            Amount parsed = Amount.parse(row.cell(balance));
            if (target != null && target.isFixed() && !parsed.sameAs(target.faceValue())) {
                problems.add(new RowError(problems.row(), columnNames[balance], row.cell(balance),
                        BALANCE_NOT_FACE_VALUE, "Card balance " + CellText.quoted(CellText.strip(row.cell(balance)))
                        + " differs from the face value " + target.faceValue().setScale(2).toPlainString()
                        + " of pool " + CellText.quoted(target.systemName().value())
                        + ": every card of a fixed-value pool has the pool's face value"));
                return null;
            }
            return parsed.value();
        } catch (InvalidValueException e) {
            problems.add(error(problems.row(), balance, row, e));
            return null;
        }
    }

    private String pointOfContact(SourceRow row, RowProblems problems) {
        if (pointOfContact < 0 || !readable(row, pointOfContact)) {
            return null;
        }
        String value = CellText.strip(row.cell(pointOfContact));
        if (value.length() > MAX_POINT_OF_CONTACT) {
            problems.add(new RowError(problems.row(), columnNames[pointOfContact], row.cell(pointOfContact),
                    POINT_OF_CONTACT_TOO_LONG, "Point of contact external ID " + CellText.quoted(value) + " has "
                    + value.length() + " characters: at most " + MAX_POINT_OF_CONTACT + " are allowed"));
            return null;
        }
        return value.isEmpty() ? null : value;
    }

    private Instant purchaseDate(SourceRow row, RowProblems problems) {
        if (purchaseDate < 0 || !readable(row, purchaseDate) || CellText.strip(row.cell(purchaseDate)).isEmpty()) {
            return null;
        }
        try {
            return PurchaseDate.parse(row.cell(purchaseDate), clock).value();
        } catch (InvalidValueException e) {
            problems.add(error(problems.row(), purchaseDate, row, e));
            return null;
        }
    }

    /** The status, {@code INACTIVE} when the column is unmapped or empty. */
    private GiftCardStatus status(SourceRow row, RowProblems problems) {
        if (status < 0 || !readable(row, status)) {
            return GiftCardStatus.INACTIVE;
        }
        try {
            return CardStatus.parse(row.cell(status));
        } catch (InvalidValueException e) {
            problems.add(error(problems.row(), status, row, e));
            return GiftCardStatus.INACTIVE;
        }
    }

    /** Read errors carry the start of a cut value; one in the CVV column is masked like any CVV. */
    private List<RowError> maskCvv(List<RowError> errors) {
        if (cvv < 0) {
            return errors;
        }
        List<RowError> masked = new ArrayList<>(errors.size());
        for (RowError e : errors) {
            masked.add(columnNames[cvv].equals(e.column()) && e.value() != null
                    ? new RowError(e.rowNumber(), e.column(), CvvMask.of(e.value()), e.code(), e.message())
                    : e);
        }
        return masked;
    }

    private RowError error(long rowNumber, int column, SourceRow row, InvalidValueException e) {
        return new RowError(rowNumber, columnNames[column], shown(column, row.cell(column)), e.code(), e.getMessage());
    }

    /** The value as an error may show it: a CVV is masked. */
    private String shown(int column, String value) {
        return column == cvv ? CvvMask.of(value) : value;
    }

    /** Whether the cell holds no U+FFFD: bytes the encoding could not read (reported once per cell above). */
    private static boolean readable(SourceRow row, int column) {
        return row.cell(column).indexOf('\ufffd') < 0;
    }
}
