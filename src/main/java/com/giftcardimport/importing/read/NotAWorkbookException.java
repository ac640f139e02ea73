package com.giftcardimport.importing.read;

/** The file is not an Excel workbook ({@code .xlsx}) at all: not a ZIP, or a ZIP without a workbook inside. */
public class NotAWorkbookException extends MalformedFileException {

    NotAWorkbookException() {
        super(0, "This file is not a readable Excel workbook (.xlsx): open it in Excel and save it again as Excel "
                + "Workbook (.xlsx), or as CSV UTF-8");
    }
}
