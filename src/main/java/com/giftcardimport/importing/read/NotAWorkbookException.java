package com.giftcardimport.importing.read;

/** The file is not an Excel workbook ({@code .xlsx}) at all: not a ZIP, or a ZIP without a workbook inside. */
public class NotAWorkbookException extends MalformedFileException {

    NotAWorkbookException() {
        super(0, "fileProblem.notAWorkbook");
    }
}
