package com.giftcardimport.importing.ui;

import com.giftcardimport.importing.CheckSummary;
import com.giftcardimport.importing.ColumnMapping;
import com.giftcardimport.importing.IdempotencyConflictException;
import com.giftcardimport.importing.ImportAction;
import com.giftcardimport.importing.ImportChecks;
import com.giftcardimport.importing.ImportCorrections;
import com.giftcardimport.importing.ImportJobId;
import com.giftcardimport.importing.ImportPreview;
import com.giftcardimport.importing.ImportRefusedException;
import com.giftcardimport.importing.FileInspection;
import com.giftcardimport.importing.ImportLaunch;
import com.giftcardimport.importing.ImportQueries;
import com.giftcardimport.importing.LaunchRequest;
import com.giftcardimport.importing.file.StoredFile;
import com.giftcardimport.importing.file.StoredFileNotFoundException;
import com.giftcardimport.importing.mapping.MappingSuggestion;
import com.giftcardimport.importing.sniff.SniffResult;
import com.giftcardimport.security.Roles;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.UUID;

/**
 * The import wizard: choose the action, upload, map the columns, review and launch. The steps are components that
 * fire events; this view keeps the state (action, mapping; the file is {@link WizardFile}'s), talks to
 * {@link FileInspection} and {@link ImportLaunch}, and moves between the steps. The action decides the fields the
 * upload step lists, the mapping offers and the review checks. Back and Next keep everything entered. Leaving without
 * launching discards the upload.
 */
@Route("imports/new")
@PageTitle("New import · Gift Card Import")
@RolesAllowed(Roles.PROJECT_ADMIN)
class ImportWizard extends VerticalLayout implements BeforeEnterObserver {

    static final List<String> STEP_TITLES = List.of("Choose the action", "Prepare and upload", "Map the fields",
            "Review and launch");
    /** How many rows the review step shows. */
    static final int PREVIEW_ROWS = 20;

    private final transient FileInspection imports;
    private final transient ImportLaunch launcher;
    private final transient ImportQueries queries;
    private final transient ImportChecks checks;
    private final transient ImportCorrections corrections;
    final WizardStepper stepper = new WizardStepper(STEP_TITLES);
    final ChooseActionStep chooseStep;
    final UploadStep uploadStep;
    final MappingStep mappingStep = new MappingStep();
    final PreviewStep previewStep;
    final WizardMessages messages = new WizardMessages();
    private final WizardFooter footer = new WizardFooter();
    final Button cancel = footer.cancel;
    final Button back = footer.back;
    final Button next = footer.next;
    final Button launch = footer.launch;
    private final List<Component> steps;

    /** One per wizard: a double click, or a retry, launches the same job. */
    private final String idempotencyKey = UUID.randomUUID().toString();
    private int current;
    private ImportAction action;
    private final WizardFile upload;
    /** The file and headers the mapping on screen was made for: another file, or other headers, remap. */
    private List<String> mappedHeaders;
    private String mappedFileId;
    private ColumnMapping mapping;
    private ImportJobId launched;

    ImportWizard(FileInspection imports, ImportLaunch launcher, ImportQueries queries, ImportChecks checks,
                 ImportCorrections corrections) {
        this.launcher = launcher;
        this.checks = checks;
        this.corrections = corrections;
        previewStep = new PreviewStep(checks, corrections, this::confirmAndLaunch);
        this.queries = queries;
        this.imports = imports;
        setMaxWidth("80rem");
        chooseStep = new ChooseActionStep(imports.actions());
        upload = new WizardFile(imports);
        uploadStep = new UploadStep(upload);
        steps = List.of(chooseStep, uploadStep, mappingStep, previewStep);

        chooseStep.addActionChosenListener(e -> choose(e.action()));
        uploadStep.addFileUploadedListener(e -> onUploaded(e.file()));
        uploadStep.addUploadFailedListener(e -> messages.show(List.of(e.message())));
        uploadStep.addFileRemovedListener(e -> onFileRemoved());
        uploadStep.addFormatOverriddenListener(e -> {
            upload.override(e.encoding(), e.delimiter());
            inspect();
        });
        mappingStep.addMappingChangedListener(e -> {
            mapping = e.mapping();
            messages.hide();
        });
        chooseStep.selectDefault();

        cancel.addClickListener(e -> UI.getCurrent().navigate(ImportsView.class));
        back.addClickListener(e -> goTo(current - 1));
        next.addClickListener(e -> next());
        launch.addClickListener(e -> confirmAndLaunch(previewStep.correctedRows()));

        Div body = new Div();
        body.addClassName("gci-wizard-body");
        steps.forEach(body::add);
        add(new H2("New import"), stepper, messages, body, footer);
        goTo(0);
        addDetachListener(e -> leave());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!queries.mayLaunch()) {
            // a project admin elsewhere, but not in the current project
            event.forwardTo(ImportsView.class);
        }
    }

    // ------------------------------------------------------------------ moving between steps

    /** Another action: other fields to list and map, so the mapping is made again at the next step. */
    private void choose(ImportAction chosen) {
        action = chosen;
        uploadStep.showFields(chosen);
        mappingStep.setAction(chosen);
        mappedFileId = null;
    }

    private void next() {
        messages.hide();
        switch (current) {
            case 0 -> {
                if (action == null) {
                    messages.show(List.of("Choose what to import."));
                    return;
                }
                goTo(1);
            }
            case 1 -> {
                if (!upload.ready()) {
                    messages.show(List.of("Upload a file to go on."));
                    return;
                }
                SniffResult sniff = upload.sniff();
                if (!sniff.ok()) {
                    messages.show(prefixed("This file cannot be imported: ", sniff.problems()));
                    return;
                }
                String fileId = upload.file().id();
                if (!fileId.equals(mappedFileId) || !sniff.headers().equals(mappedHeaders)) {
                    MappingSuggestion suggestion = guarded(() -> imports.suggestMapping(fileId, upload.format()));
                    if (suggestion == null) {
                        return;
                    }
                    mappingStep.setColumns(sniff.headers(), sniff.sampleRows(), suggestion);
                    mappedHeaders = sniff.headers();
                    mappedFileId = fileId;
                }
                goTo(2);
            }
            case 2 -> {
                List<String> problems = mappingStep.mapping().problems(action);
                if (!problems.isEmpty()) {
                    messages.show(problems);
                    return;
                }
                mapping = mappingStep.mapping();
                ImportPreview preview = guarded(() -> imports.preview(upload.file().id(), upload.format(), mapping,
                        PREVIEW_ROWS, action));
                if (preview == null) {
                    return;
                }
                previewStep.show(preview, mapping);
                if (!preview.mappingProblems().isEmpty()) {
                    messages.show(preview.mappingProblems());
                    return;
                }
                CheckSummary check = guarded(() -> checks.findOrStart(upload.file(), upload.format(), mapping, action));
                if (check == null) {
                    return;
                }
                previewStep.showCheck(check);
                goTo(3);
            }
            default -> {
            }
        }
    }

    private void goTo(int step) {
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

    // ------------------------------------------------------------------ the file

    private void onUploaded(StoredFile uploaded) {
        messages.hide();
        if (!isAttached() || launched != null) {
            upload.discard(uploaded);
            return;
        }
        upload.replaceWith(uploaded);
        uploadStep.resetOverrides();
        inspect();
    }

    private void onFileRemoved() {
        upload.remove();
        uploadStep.clear();
    }

    /** Reads the head of the file again with the current overrides and redraws what step 2 shows. */
    private void inspect() {
        if (upload.file() == null) {
            return;
        }
        SniffResult result = guarded(upload::inspect);
        if (result != null) {
            uploadStep.show(upload.file(), result);
        }
    }

    // ------------------------------------------------------------------ launch

    /** Launches, after asking when most rows would fail. */
    private void confirmAndLaunch(List<List<String>> correctedRows) {
        previewStep.confirmLaunch(() -> launch(correctedRows), () -> launch.setEnabled(true));
    }

    /** Launches the file and, when rows were corrected on step 4, a follow-up import of them linked to it. */
    private void launch(List<List<String>> correctedRows) {
        messages.hide();
        if (launched != null) {
            return;
        }
        try {
            ImportJobId job = launcher.launch(new LaunchRequest(upload.file(), upload.format(), mapping,
                    idempotencyKey, action)).id();
            launched = job;
            if (!correctedRows.isEmpty()) {
                corrections.importCorrected(job, correctedRows);
            }
            UI.getCurrent().navigate(ImportResultView.class, new RouteParameters("id", job.toString()));
        } catch (ImportRefusedException e) {
            messages.show(e.problems());
            launch.setEnabled(true);
        } catch (IdempotencyConflictException e) {
            messages.show(List.of("This upload was already launched with other settings as import "
                    + e.existingJob() + ". Upload the file again to import it once more."));
            launch.setEnabled(true);
        } catch (StoredFileNotFoundException e) {
            fileGone();
            launch.setEnabled(true);
        }
    }

    /** Leaving without launching leaves no stray file (a closed tab is left to the engine's sweeper). */
    private void leave() {
        if (launched == null) {
            upload.remove();
        }
    }

    // ------------------------------------------------------------------ messages

    /** Runs a read of the uploaded file; a file that is gone (swept after a long pause) says so. */
    private <T> T guarded(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (StoredFileNotFoundException e) {
            fileGone();
            return null;
        }
    }

    private void fileGone() {
        upload.forget();
        uploadStep.clear();
        goTo(1);
        messages.show(List.of("The uploaded file is no longer available. Upload it again."));
    }

    private static List<String> prefixed(String prefix, List<String> lines) {
        return lines.stream().map(l -> prefix + l).toList();
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
