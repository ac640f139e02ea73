package com.giftcardimport.importing.validate;

import com.giftcardimport.i18n.Text;
import static com.giftcardimport.importing.RowErrorCodes.BALANCE_NOT_FACE_VALUE;
import static com.giftcardimport.importing.RowErrorCodes.CVV_MISSING;
import static com.giftcardimport.importing.RowErrorCodes.POINT_OF_CONTACT_TOO_LONG;
import static com.giftcardimport.importing.RowErrorCodes.POOL_MISSING;
import static com.giftcardimport.importing.RowErrorCodes.POOL_NOT_FOUND;

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
public final class RowValidator implements RowRules {

    public static final int MAX_POINT_OF_CONTACT = 255;

    private final int cardNumber;
    private final int pool;
    private final int cvv;
    private final int balance;
    private final int pointOfContact;
    private final int purchaseDate;
    private final int status;
    private final RowShape shape;
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
        this.shape = new RowShape(headers, mapping.columnCount(),
                mapping.columnsByField().values().stream().mapToInt(Integer::intValue).sorted().toArray());
        this.pools = Map.copyOf(pools);
        this.clock = clock;
    }

    /** A valid card or every problem of the row. Rows the reader already failed keep the reader's errors. */
    @Override
    public RowOutcome validate(SourceRow row) {
        long number = row.rowNumber();
        if (row.hasReadErrors()) {
            return new InvalidRow(number, maskCvv(row.readErrors()));
        }
        RowProblems problems = new RowProblems(number);
        shape.checkExtraValues(row, problems);
        shape.checkReadable(row, problems, this::shown);
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

    private String cardNumber(SourceRow row, RowProblems problems) {
        if (!RowShape.readable(row, cardNumber)) {
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
        if (!RowShape.readable(row, pool)) {
            return null;
        }
        String name = CellText.strip(row.cell(pool));
        if (name.isEmpty()) {
            problems.add(RowError.of(problems.row(), shape.name(pool), row.cell(pool), POOL_MISSING,
                    Text.of("rowError.pool.missing")));
            return null;
        }
        Pool found = pools.get(name);
        if (found == null) {
            found = pools.get(name.toLowerCase(Locale.ROOT));
        }
        if (found == null) {
            problems.add(RowError.of(problems.row(), shape.name(pool), row.cell(pool), POOL_NOT_FOUND,
                    Text.of("rowError.pool.notFound", CellText.cut(name))));
        }
        return found;
    }

    /** The CVV's digits when the cell holds one; null when it is empty, unmapped or invalid (with a problem). */
    private String cvv(SourceRow row, RowProblems problems) {
        if (cvv < 0 || !RowShape.readable(row, cvv) || CellText.strip(row.cell(cvv)).isEmpty()) {
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
            problems.add(RowError.of(problems.row(), cvv >= 0 ? shape.name(cvv) : null, "", CVV_MISSING,
                    Text.of("rowError.cvv.missingForPool", CellText.cut(target.systemName().value()))));
        }
    }

    /** The balance; in a fixed-value pool it must be the pool's face value. */
    private BigDecimal balance(SourceRow row, Pool target, RowProblems problems) {
        if (!RowShape.readable(row, balance)) {
            return null;
        }
        try {
            Amount parsed = Amount.parse(row.cell(balance));
            if (target != null && target.isFixed() && !parsed.sameAs(target.faceValue())) {
                problems.add(RowError.of(problems.row(), shape.name(balance), row.cell(balance),
                        BALANCE_NOT_FACE_VALUE, Text.of("rowError.balance.notFaceValue",
                                CellText.cut(CellText.strip(row.cell(balance))),
                                target.faceValue().setScale(2).toPlainString(),
                                CellText.cut(target.systemName().value()))));
                return null;
            }
            return parsed.value();
        } catch (InvalidValueException e) {
            problems.add(error(problems.row(), balance, row, e));
            return null;
        }
    }

    private String pointOfContact(SourceRow row, RowProblems problems) {
        if (pointOfContact < 0 || !RowShape.readable(row, pointOfContact)) {
            return null;
        }
        String value = CellText.strip(row.cell(pointOfContact));
        if (value.length() > MAX_POINT_OF_CONTACT) {
            problems.add(RowError.of(problems.row(), shape.name(pointOfContact), row.cell(pointOfContact),
                    POINT_OF_CONTACT_TOO_LONG, Text.of("rowError.pointOfContact.tooLong", CellText.cut(value),
                            value.length(), MAX_POINT_OF_CONTACT)));
            return null;
        }
        return value.isEmpty() ? null : value;
    }

    private Instant purchaseDate(SourceRow row, RowProblems problems) {
        if (purchaseDate < 0 || !RowShape.readable(row, purchaseDate) || CellText.strip(row.cell(purchaseDate)).isEmpty()) {
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
        if (status < 0 || !RowShape.readable(row, status)) {
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
            masked.add(shape.name(cvv).equals(e.column()) && e.value() != null
                    ? new RowError(e.rowNumber(), e.column(), CvvMask.of(e.value()), e.code(), e.message(), e.text())
                    : e);
        }
        return masked;
    }

    private RowError error(long rowNumber, int column, SourceRow row, InvalidValueException e) {
        return shape.error(rowNumber, column, shown(column, row.cell(column)), e);
    }

    /** The value as an error may show it: a CVV is masked. */
    private String shown(int column, String value) {
        return column == cvv ? CvvMask.of(value) : value;
    }
}
