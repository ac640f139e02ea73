package com.giftcardimport.importing.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/** The questions the wizard asks before it discards what the person did: cancel, remove or replace a file. */
final class WizardQuestions {

    private WizardQuestions() {
    }

    /** "Discard this import?" before Cancel throws the upload and the mapping away. */
    static void cancel(Component in, String fileName, Runnable discard) {
        ask(in, in.getTranslation("wizard.question.cancel.title"),
                in.getTranslation("wizard.question.cancel.text", fileName),
                in.getTranslation("wizard.question.cancel.confirm"), in.getTranslation("wizard.question.keep"), discard);
    }

    /** "Remove the file?" before the file and its mapping go. */
    static void remove(Component in, String fileName, Runnable remove) {
        ask(in, in.getTranslation("wizard.question.remove.title"),
                in.getTranslation("wizard.question.remove.text", fileName),
                in.getTranslation("wizard.question.remove.confirm"), in.getTranslation("wizard.question.keep"), remove);
    }

    /** "Replace a.csv with b.xlsx?"; answering no keeps the first and drops the second. */
    static void replace(Component in, String held, String arrived, Runnable replace, Runnable keep) {
        ConfirmDialog dialog = dialog(in.getTranslation("wizard.question.replace.title"),
                in.getTranslation("wizard.question.replace.text", held, arrived),
                in.getTranslation("wizard.question.replace.confirm"), replace);
        dialog.setCancelable(true);
        dialog.setCancelText(in.getTranslation("wizard.question.replace.keep", held));
        dialog.addCancelListener(e -> keep.run());
        dialog.open();
    }

    private static void ask(Component in, String title, String text, String confirm, String keep, Runnable action) {
        ConfirmDialog dialog = dialog(title, text, confirm, action);
        dialog.setCancelable(true);
        dialog.setCancelText(keep);
        dialog.open();
    }

    private static ConfirmDialog dialog(String title, String text, String confirm, Runnable action) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(title);
        dialog.setText(text);
        dialog.setConfirmText(confirm);
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> action.run());
        return dialog;
    }
}
