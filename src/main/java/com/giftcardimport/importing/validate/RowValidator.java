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
    private final Map<String, PoolRules> pools;
    private final Clock clock;

    /**
     * @param mapping the column mapping; it must have no {@link ColumnMapping#problems()}
     * @param headers the file's column names, for the error messages
     * @param pools   the importing project's pools by system name
     * @param clock   for "not in the future"
     * @throws IllegalArgumentException when the mapping has problems
     */
    public RowValidator(ColumnMapping mapping, List<String> headers, Map<String, PoolRules> pools, Clock clock) {
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
        List<RowError> errors = null;
        if (row.cells().size() > headerColumns) {
            int extra = 0;
            for (int i = headerColumns; i < row.cells().size(); i++) {
                if (!Shown.strip(row.cell(i)).isEmpty()) {
                    extra = i + 1;
                }
            }
            if (extra > 0) {
                errors = add(errors, new RowError(number, null, null, ROW_HAS_EXTRA_VALUES, "The row has " + extra
                        + " values but the header has " + headerColumns + " columns: a value probably contains the "
                        + "delimiter without quotes around it (for example a decimal comma in a comma-separated "
                        + "file), so the values after it moved to other columns"));
            }
        }
        for (int column : mapped) {
            if (!readable(row, column)) {
                errors = add(errors, new RowError(number, columnNames[column], shown(column, row.cell(column)),
                        INVALID_ENCODING, columnNames[column] + " " + Shown.quoted(shown(column, row.cell(column)))
                        + " contains bytes that are not text in the file's encoding (shown as \ufffd): choose the "
                        + "right encoding for the file or save it as UTF-8"));
            }
        }

        String number0 = null;
        if (readable(row, cardNumber)) {
            try {
                number0 = CardNumber.parse(row.cell(cardNumber)).value();
            } catch (InvalidValueException e) {
                errors = add(errors, error(number, cardNumber, row, e));
            }
        }

        PoolRules rules = null;
        if (readable(row, pool)) {
            String name = Shown.strip(row.cell(pool));
            if (name.isEmpty()) {
                errors = add(errors, new RowError(number, columnNames[pool], row.cell(pool), POOL_MISSING,
                        "The pool system name is empty: every card needs the pool it goes into"));
            } else {
                rules = pools.get(name);
                if (rules == null) {
                    rules = pools.get(name.toLowerCase(Locale.ROOT));
                }
                if (rules == null) {
                    errors = add(errors, new RowError(number, columnNames[pool], row.cell(pool), POOL_NOT_FOUND,
                            "Pool " + Shown.quoted(name) + " does not exist in this project: create it first or "
                                    + "check the system name"));
                }
            }
        }

        String cvvDigits = null;
        if (cvv >= 0 && readable(row, cvv)) {
            String raw = row.cell(cvv);
            if (!Shown.strip(raw).isEmpty()) {
                try {
                    cvvDigits = Cvv.parse(raw).digits();
                } catch (InvalidValueException e) {
                    errors = add(errors, error(number, cvv, row, e));
                }
            }
        }
        if (rules != null && rules.cvvRequired() && cvvDigits == null
                && (cvv < 0 || Shown.strip(row.cell(cvv)).isEmpty())) {
            errors = add(errors, new RowError(number, cvv >= 0 ? columnNames[cvv] : null, "", CVV_MISSING,
                    "The CVV is empty: pool " + Shown.quoted(rules.systemName()) + " transfers CVVs, so every card "
                            + "of it needs a CVV of 3 or 4 digits"));
        }

        BigDecimal amount = null;
        if (readable(row, balance)) {
            try {
                Amount parsed = Amount.parse(row.cell(balance));
                if (rules != null && rules.fixedValue() && !parsed.sameAs(rules.faceValue())) {
                    errors = add(errors, new RowError(number, columnNames[balance], row.cell(balance),
                            BALANCE_NOT_FACE_VALUE, "Card balance " + Shown.quoted(Shown.strip(row.cell(balance)))
                            + " differs from the face value " + rules.faceValue().setScale(2).toPlainString()
                            + " of pool " + Shown.quoted(rules.systemName())
                            + ": every card of a fixed-value pool has the pool's face value"));
                } else {
                    amount = parsed.value();
                }
            } catch (InvalidValueException e) {
                errors = add(errors, error(number, balance, row, e));
            }
        }

        String contact = null;
        if (pointOfContact >= 0 && readable(row, pointOfContact)) {
            String value = Shown.strip(row.cell(pointOfContact));
            if (value.length() > MAX_POINT_OF_CONTACT) {
                errors = add(errors, new RowError(number, columnNames[pointOfContact], row.cell(pointOfContact),
                        POINT_OF_CONTACT_TOO_LONG, "Point of contact external ID " + Shown.quoted(value) + " has "
                        + value.length() + " characters: at most " + MAX_POINT_OF_CONTACT + " are allowed"));
            } else if (!value.isEmpty()) {
                contact = value;
            }
        }

        Instant purchasedAt = null;
        if (purchaseDate >= 0 && readable(row, purchaseDate)) {
            String raw = row.cell(purchaseDate);
            if (!Shown.strip(raw).isEmpty()) {
                try {
                    purchasedAt = PurchaseDate.parse(raw, clock).value();
                } catch (InvalidValueException e) {
                    errors = add(errors, error(number, purchaseDate, row, e));
                }
            }
        }

        CardStatus cardStatus = CardStatus.INACTIVE;
        if (status >= 0 && readable(row, status)) {
            try {
                cardStatus = CardStatus.parse(row.cell(status));
            } catch (InvalidValueException e) {
                errors = add(errors, error(number, status, row, e));
            }
        }

        if (errors != null) {
            return new InvalidRow(number, errors);
        }
        return new ValidCard(number, number0, rules.poolId(), cvvDigits, amount, contact, purchasedAt,
                rules.expiryFor(purchasedAt), cardStatus.name());
    }

    /** Read errors carry the start of a cut value; one in the CVV column is masked like any CVV. */
    private List<RowError> maskCvv(List<RowError> errors) {
        if (cvv < 0) {
            return errors;
        }
        List<RowError> masked = new ArrayList<>(errors.size());
        for (RowError e : errors) {
            masked.add(columnNames[cvv].equals(e.column()) && e.value() != null
                    ? new RowError(e.rowNumber(), e.column(), Cvv.mask(e.value()), e.code(), e.message())
                    : e);
        }
        return masked;
    }

    private RowError error(long rowNumber, int column, SourceRow row, InvalidValueException e) {
        return new RowError(rowNumber, columnNames[column], shown(column, row.cell(column)), e.code(), e.getMessage());
    }

    /** The value as an error may show it: a CVV is masked. */
    private String shown(int column, String value) {
        return column == cvv ? Cvv.mask(value) : value;
    }

    /** Whether the cell holds no U+FFFD: bytes the encoding could not read (reported once per cell above). */
    private static boolean readable(SourceRow row, int column) {
        return row.cell(column).indexOf('\ufffd') < 0;
    }

    private static List<RowError> add(List<RowError> errors, RowError error) {
        List<RowError> list = errors == null ? new ArrayList<>(4) : errors;
        list.add(error);
        return list;
    }
}
