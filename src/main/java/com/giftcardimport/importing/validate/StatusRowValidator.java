package com.giftcardimport.importing.validate;

import com.giftcardimport.i18n.Text;
import static com.giftcardimport.importing.RowErrorCodes.STATUS_MISSING;

import com.giftcardimport.importing.ColumnMapping;
import com.giftcardimport.importing.GiftCardField;
import com.giftcardimport.importing.ImportAction;
import com.giftcardimport.importing.RowError;
import com.giftcardimport.importing.SourceRow;
import com.giftcardimport.card.GiftCardStatus;
import java.util.List;

/**
 * The row rules of an update of gift card statuses (SPEC §13): a card number written as for adding cards, and a
 * status named as for adding cards, but required. Whether the card exists in the project is the loader's to find.
 */
final class StatusRowValidator implements RowRules {

    private final int cardNumber;
    private final int status;
    private final RowShape shape;

    StatusRowValidator(ColumnMapping mapping, List<String> headers) {
        List<String> problems = mapping.problems(ImportAction.UPDATE_GIFT_CARD_STATUSES);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        this.cardNumber = mapping.columnOf(GiftCardField.CARD_NUMBER);
        this.status = mapping.columnOf(GiftCardField.STATUS);
        this.shape = new RowShape(headers, mapping.columnCount(), new int[] {Math.min(cardNumber, status),
                Math.max(cardNumber, status)});
    }

    @Override
    public RowOutcome validate(SourceRow row) {
        long number = row.rowNumber();
        if (row.hasReadErrors()) {
            return new InvalidRow(number, row.readErrors());
        }
        RowProblems problems = new RowProblems(number);
        shape.checkExtraValues(row, problems);
        shape.checkReadable(row, problems, (column, value) -> value);
        String card = null;
        if (RowShape.readable(row, cardNumber)) {
            try {
                card = CardNumber.parse(row.cell(cardNumber)).value();
            } catch (InvalidValueException e) {
                problems.add(shape.error(number, cardNumber, row.cell(cardNumber), e));
            }
        }
        GiftCardStatus newStatus = null;
        if (RowShape.readable(row, status)) {
            if (CellText.strip(row.cell(status)).isEmpty()) {
                problems.add(RowError.of(number, shape.name(status), row.cell(status), STATUS_MISSING,
                        Text.of("rowError.status.missing")));
            } else {
                try {
                    newStatus = CardStatus.parse(row.cell(status));
                } catch (InvalidValueException e) {
                    problems.add(shape.error(number, status, row.cell(status), e));
                }
            }
        }
        if (problems.any()) {
            return new InvalidRow(number, problems.list());
        }
        return new ValidStatusChange(number, card, newStatus.name());
    }
}
