package com.giftcardimport.importing.validate;

/**
 * A row of a status update that passed the rules of the file alone; whether its card exists in the project, and
 * whether its status changes, is for the loader to find in SQL.
 *
 * @param rowNumber  the spreadsheet row number
 * @param cardNumber trimmed, 1–64 letters, digits or {@code -}
 * @param status     CAN_BE_USED, INACTIVE or BLOCKED
 */
public record ValidStatusChange(long rowNumber, String cardNumber, String status) implements RowOutcome {
}
