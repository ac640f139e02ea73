package com.giftcardimport.importing.ui;

import com.giftcardimport.importing.CheckSummary;
import com.giftcardimport.importing.ColumnMapping;
import com.giftcardimport.importing.FileInspection;
import com.giftcardimport.importing.ImportAction;
import com.giftcardimport.importing.ImportChecks;
import com.giftcardimport.importing.ImportCorrections;
import com.giftcardimport.importing.ImportPreview;
import com.giftcardimport.importing.file.StoredFile;
import com.giftcardimport.importing.file.StoredFileNotFoundException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.function.BiFunction;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * What the wizard shows: the title, the stepper, the resume offer, the message box, the four steps and the footer,
 * one step visible at a time; the review's preview; reading the upload with a clear message when it is gone.
 * {@link ImportWizard} holds the state and moves between the steps.
 */
abstract class WizardLayout extends VerticalLayout {

    /** How many rows the review step shows. */
    static final int PREVIEW_ROWS = 20;
    static final List<String> STEP_KEYS = List.of("wizard.step.action", "wizard.step.upload", "wizard.step.mapping",
            "wizard.step.review");

    final WizardStepper stepper;
    final ChooseActionStep chooseStep;
    final UploadStep uploadStep;
    final MappingStep mappingStep = new MappingStep();
    final PreviewStep previewStep;
    final WizardMessages messages = new WizardMessages();
    /** "You have an unfinished import…": offered when the wizard is opened afresh while a draft with a file exists. */
    final Div resumeOffer = new Div();
    final Button resume = new Button();
    final Button startOver = new Button();
    private final WizardFooter footer = new WizardFooter();
    final Button cancel = footer.cancel;
    final Button back = footer.back;
    final Button next = footer.next;
    final Button launch = footer.launch;
    final WizardFile upload;
    private final List<Component> steps;
    private int current;

    private final transient ImportChecks checks;

    WizardLayout(ChooseActionStep chooseStep, WizardFile upload, ImportChecks checks, ImportCorrections corrections,
                 BiFunction<ImportAction, Locale, byte[]> csvTemplate) {
        setMaxWidth("80rem");
        this.chooseStep = chooseStep;
        this.upload = upload;
        this.checks = checks;
        previewStep = new PreviewStep(checks, corrections, this::confirmAndLaunch);
        stepper = new WizardStepper(STEP_KEYS.stream().map(this::getTranslation).toList());
        uploadStep = new UploadStep(upload, csvTemplate);
        steps = List.of(chooseStep, uploadStep, mappingStep, previewStep);
        Div body = new Div();
        body.addClassName("gci-wizard-body");
        steps.forEach(body::add);
        resumeOffer.addClassName("gci-wizard-resume");
        resumeOffer.setId("wizard-resume");
        resumeOffer.setVisible(false);
        resume.setText(getTranslation("wizard.resume.continue"));
        resume.setId("wizard-resume-continue");
        resume.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        startOver.setText(getTranslation("wizard.resume.start-over"));
        startOver.setId("wizard-resume-start-over");
        startOver.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        add(new H2(getTranslation("wizard.title")), stepper, resumeOffer, messages, body, footer);
    }

    /**
     * Offers to go back to the unfinished import of {@code fileName} at step {@code step} (from 0): Continue runs
     * {@code onResume}, Start over {@code onStartOver}; either hides the offer.
     */
    void offerResume(String fileName, int step, Runnable onResume, Runnable onStartOver) {
        resume.addClickListener(e -> {
            resumeOffer.setVisible(false);
            onResume.run();
        });
        startOver.addClickListener(e -> {
            resumeOffer.setVisible(false);
            onStartOver.run();
        });
        resumeOffer.removeAll();
        resumeOffer.add(new Span(getTranslation("wizard.resume.text", fileName,
                getTranslation(STEP_KEYS.get(step)))), resume, startOver);
        resumeOffer.setVisible(true);
    }

    /** Shows step {@code step} (0 to 3) and its buttons. */
    void showStep(int step) {
        current = Math.max(0, Math.min(step, steps.size() - 1));
        for (int i = 0; i < steps.size(); i++) {
            steps.get(i).setVisible(i == current);
        }
        stepper.setCurrent(current);
        back.setVisible(current > 0);
        next.setVisible(current < steps.size() - 1);
        launch.setVisible(current == steps.size() - 1);
        launch.setEnabled(true);
        if (current != 3) {
            messages.hide();
        }
    }

    /** Launches, after asking when most rows would fail, with the rows corrected on step 4 as a follow-up import. */
    abstract void confirmAndLaunch(List<List<String>> correctedRows);

    /**
     * Step 4: the preview of the first rows with the mapping, and the whole-file check of the same upload, format,
     * mapping and action (found again after a reload, else started); false when it cannot be shown (problems on
     * screen).
     */
    boolean review(FileInspection imports, ColumnMapping mapping, ImportAction action) {
        ImportPreview preview = guarded(() -> imports.preview(upload.file().id(), upload.format(), mapping,
                PREVIEW_ROWS, action));
        if (preview == null) {
            return false;
        }
        previewStep.show(preview, mapping);
        if (!preview.mappingProblems().isEmpty()) {
            messages.show(preview.mappingProblems());
            return false;
        }
        CheckSummary check = guarded(() -> checks.findOrStart(upload.file(), upload.format(), mapping, action));
        if (check == null) {
            return false;
        }
        previewStep.showCheck(check);
        return true;
    }

    /** Runs a read of the uploaded file; a file that is gone (swept after a long pause) says so. */
    <T> T guarded(Supplier<T> read) {
        try {
            return read.get();
        } catch (StoredFileNotFoundException e) {
            fileGone();
            return null;
        }
    }

    void fileGone() {
        upload.forget();
        uploadStep.clear();
        showStep(1);
        messages.show(List.of(getTranslation("wizard.message.file-gone")));
    }

    /** Step {@code text} of an address ({@code ?step=3}) from 0; a large number when it is not a number. */
    static int stepOf(String text) {
        try {
            return Integer.parseInt(text.strip()) - 1;
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** The step on screen, from 0. */
    int currentStep() {
        return current;
    }

    /** For tests: the upload the wizard holds. */
    StoredFile uploadedFile() {
        return upload.file();
    }

    /** For tests: the messages on screen. */
    List<String> messageLines() {
        return messages.lines();
    }
}
