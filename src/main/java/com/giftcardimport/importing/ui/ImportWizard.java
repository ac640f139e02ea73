package com.giftcardimport.importing.ui;

import com.giftcardimport.importing.ColumnMapping;
import com.giftcardimport.importing.FileFormat;
import com.giftcardimport.importing.IdempotencyConflictException;
import com.giftcardimport.importing.ImportAction;
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
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The import wizard: choose the action, upload, map the columns, review and launch. The steps are components that
 * fire events; this view keeps the state (file, format, mapping), talks to {@link FileInspection} and
 * {@link ImportLaunch}, and moves between the steps. Back and Next keep everything entered. Leaving without launching
 * discards the upload.
 */
@Route("imports/new")
@PageTitle("New import · Gift Card Import")
@RolesAllowed(Roles.PROJECT_ADMIN)
class ImportWizard extends VerticalLayout implements BeforeEnterObserver {

    private static final Logger log = LoggerFactory.getLogger(ImportWizard.class);
    static final List<String> STEP_TITLES = List.of("Choose the action", "Prepare and upload", "Map the fields",
            "Review and launch");
    /** How many rows the review step shows. */
    static final int PREVIEW_ROWS = 20;

    private final transient FileInspection imports;
    private final transient ImportLaunch launcher;
    private final transient ImportQueries queries;
    final WizardStepper stepper = new WizardStepper(STEP_TITLES);
    final ChooseActionStep chooseStep;
    final UploadStep uploadStep;
    final MappingStep mappingStep = new MappingStep();
    final PreviewStep previewStep = new PreviewStep();
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
    private StoredFile file;
    private SniffResult sniff;
    private Optional<Charset> encodingOverride = Optional.empty();
    private Optional<Character> delimiterOverride = Optional.empty();
    /** The file and headers the mapping on screen was made for: another file, or other headers, remap. */
    private List<String> mappedHeaders;
    private String mappedFileId;
    private ColumnMapping mapping;
    private ImportJobId launched;

    ImportWizard(FileInspection imports, ImportLaunch launcher, ImportQueries queries) {
        this.launcher = launcher;
        this.queries = queries;
        this.imports = imports;
        setMaxWidth("80rem");
        chooseStep = new ChooseActionStep(imports.actions());
        uploadStep = new UploadStep(new UploadStep.Storage() {
            @Override
            public StoredFile store(InputStream content, String fileName) {
                return imports.upload(content, fileName);
            }

            @Override
            public void discard(StoredFile stored) {
                discardQuietly(stored);
            }
        });
        steps = List.of(chooseStep, uploadStep, mappingStep, previewStep);

        chooseStep.addActionChosenListener(e -> action = e.action());
        uploadStep.addFileUploadedListener(e -> onUploaded(e.file()));
        uploadStep.addUploadFailedListener(e -> messages.show(List.of(e.message())));
        uploadStep.addFileRemovedListener(e -> onFileRemoved());
        uploadStep.addFormatOverriddenListener(e -> onFormatOverridden(e.encoding(), e.delimiter()));
        mappingStep.addMappingChangedListener(e -> {
            mapping = e.mapping();
            messages.hide();
        });
        chooseStep.selectDefault();

        cancel.addClickListener(e -> UI.getCurrent().navigate(ImportsView.class));
        back.addClickListener(e -> goTo(current - 1));
        next.addClickListener(e -> next());
        launch.addClickListener(e -> launch());

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
                if (file == null || sniff == null) {
                    messages.show(List.of("Upload a file to go on."));
                    return;
                }
                if (!sniff.ok()) {
                    messages.show(prefixed("This file cannot be imported: ", sniff.problems()));
                    return;
                }
                if (!file.id().equals(mappedFileId) || !sniff.headers().equals(mappedHeaders)) {
                    MappingSuggestion suggestion = guarded(() -> imports.suggestMapping(file.id(), format()));
                    if (suggestion == null) {
                        return;
                    }
                    mappingStep.setColumns(sniff.headers(), sniff.sampleRows(), suggestion);
                    mappedHeaders = sniff.headers();
                    mappedFileId = file.id();
                }
                goTo(2);
            }
            case 2 -> {
                List<String> problems = mappingStep.mapping().problems();
                if (!problems.isEmpty()) {
                    messages.show(problems);
                    return;
                }
                mapping = mappingStep.mapping();
                ImportPreview preview = guarded(() -> imports.preview(file.id(), format(), mapping, PREVIEW_ROWS));
                if (preview == null) {
                    return;
                }
                previewStep.show(preview, mapping);
                if (!preview.mappingProblems().isEmpty()) {
                    messages.show(preview.mappingProblems());
                    return;
                }
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
            discardQuietly(uploaded);
            return;
        }
        if (file != null && !file.id().equals(uploaded.id())) {
            discardQuietly(file);
        }
        file = uploaded;
        encodingOverride = Optional.empty();
        delimiterOverride = Optional.empty();
        uploadStep.resetOverrides();
        inspect();
    }

    private void onFileRemoved() {
        if (file != null) {
            discardQuietly(file);
        }
        file = null;
        sniff = null;
        uploadStep.clear();
    }

    private void onFormatOverridden(Optional<Charset> encoding, Optional<Character> delimiter) {
        encodingOverride = encoding;
        delimiterOverride = delimiter;
        inspect();
    }

    /** Reads the head of the file again with the current overrides and redraws what step 2 shows. */
    private void inspect() {
        if (file == null) {
            return;
        }
        SniffResult result = guarded(() -> imports.inspect(file.id(), encodingOverride, delimiterOverride));
        if (result != null) {
            sniff = result;
            uploadStep.show(file, result);
        }
    }

    private FileFormat format() {
        return sniff.detected();
    }

    // ------------------------------------------------------------------ launch

    private void launch() {
        messages.hide();
        if (launched != null) {
            return;
        }
        try {
            ImportJobId job = launcher.launch(new LaunchRequest(file, format(), mapping, idempotencyKey, action)).id();
            launched = job;
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
        if (launched == null && file != null) {
            discardQuietly(file);
            file = null;
        }
    }

    private void discardQuietly(StoredFile stored) {
        try {
            imports.discard(stored.id());
        } catch (RuntimeException e) {
            log.debug("Upload {} not discarded now; the sweeper will remove it", stored.id(), e);
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
        file = null;
        sniff = null;
        uploadStep.clear();
        goTo(1);
        messages.show(List.of("The uploaded file is no longer available. Upload it again."));
    }

    private static List<String> prefixed(String prefix, List<String> lines) {
        return lines.stream().map(l -> prefix + l).toList();
    }

    /** For tests: the upload the wizard holds. */
    StoredFile uploadedFile() {
        return file;
    }

    /** For tests: the messages on screen. */
    List<String> messageLines() {
        return messages.lines();
    }
}
