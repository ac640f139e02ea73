package com.giftcardimport.importing.ui;

import com.giftcardimport.importing.ColumnMapping;
import com.giftcardimport.importing.FileInspection;
import com.giftcardimport.importing.IdempotencyConflictException;
import com.giftcardimport.importing.ImportAction;
import com.giftcardimport.importing.ImportChecks;
import com.giftcardimport.importing.ImportCorrections;
import com.giftcardimport.importing.ImportJobId;
import com.giftcardimport.importing.ImportLaunch;
import com.giftcardimport.importing.ImportQueries;
import com.giftcardimport.importing.ImportRefusedException;
import com.giftcardimport.importing.LaunchRequest;
import com.giftcardimport.importing.draft.WizardDraft;
import com.giftcardimport.importing.draft.WizardDrafts;
import com.giftcardimport.importing.file.StoredFile;
import com.giftcardimport.importing.file.StoredFileNotFoundException;
import com.giftcardimport.importing.mapping.MappingSuggestion;
import com.giftcardimport.importing.sniff.SniffResult;
import com.giftcardimport.security.Roles;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.UUID;

/**
 * The import wizard: choose the action, upload, map, review and launch. The steps fire events; this view keeps the
 * state (action, mapping; the file is {@link WizardFile}'s), talks to {@link FileInspection} and {@link ImportLaunch}
 * and keeps where it stands in a {@link WizardDrafts draft} until launch or discard: a reload returns to the same
 * step; each step has its address ({@code ?step=3}), so the browser's Back goes one step back. Cancel, removing and
 * replacing the file ask first.
 */
@Route("imports/new")
@RolesAllowed(Roles.PROJECT_ADMIN)
class ImportWizard extends WizardLayout implements BeforeEnterObserver, HasDynamicTitle {


    private final transient FileInspection imports;
    private final transient ImportLaunch launcher;
    private final transient ImportQueries queries;
    private final transient ImportCorrections corrections;
    private final transient WizardDrafts drafts;
    /** One per wizard: a double click, or a retry, launches the same job. */
    private final String idempotencyKey = UUID.randomUUID().toString();
    private ImportAction action;
    /** The file and headers the mapping on screen was made for: another file, or other headers, remap. */
    private List<String> mappedHeaders;
    private String mappedFileId;
    private ColumnMapping mapping;
    private ImportJobId launched;
    /** Whether the draft was looked for; only then is it saved (not while the view is being built or restored). */
    private boolean restored;
    private boolean saving;

    ImportWizard(FileInspection imports, ImportLaunch launcher, ImportQueries queries, WizardDrafts drafts,
                 ImportChecks checks, ImportCorrections corrections) {
        super(new ChooseActionStep(imports.actions()), new WizardFile(imports), checks, corrections,
                queries::templateCsv);
        this.launcher = launcher;
        this.corrections = corrections;
        this.queries = queries;
        this.imports = imports;
        this.drafts = drafts;
        chooseStep.addActionChosenListener(e -> choose(e.action()));
        uploadStep.addFileUploadedListener(e -> onUploaded(e.file()));
        uploadStep.addUploadFailedListener(e -> messages.show(List.of(e.message())));
        uploadStep.addFileRemovedListener(e -> WizardQuestions.remove(this, upload.file().originalName(),
                this::removeFile));
        uploadStep.addFormatOverriddenListener(e -> {
            upload.override(e.encoding(), e.delimiter());
            inspect();
        });
        uploadStep.addSheetChosenListener(e -> {
            upload.chooseSheet(e.sheet());
            inspect();
        });
        mappingStep.addMappingChangedListener(e -> {
            mapping = e.mapping();
            messages.hide();
            save();
        });
        chooseStep.selectDefault();

        cancel.addClickListener(e -> cancel());
        back.addClickListener(e -> move(currentStep() - 1));
        next.addClickListener(e -> next());
        launch.addClickListener(e -> confirmAndLaunch(previewStep.correctedRows()));
        goTo(0);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("wizard.page-title");
    }
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!queries.mayLaunch()) {
            // a project admin elsewhere, but not in the current project
            event.forwardTo(ImportsView.class);
            return;
        }
        boolean addressed = event.getLocation().getQueryParameters().getSingleParameter("step").isPresent();
        if (!restored) {
            restored = true;
            // a reload, Back or Forward goes straight back; opening the wizard afresh offers to
            drafts.find().filter(d -> addressed || d.file() != null).ifPresent(draft -> {
                if (addressed) {
                    restore(draft);
                } else {
                    offerResume(draft.file().originalName(), draft.step(), () -> {
                        restore(draft);
                        move(currentStep());
                    }, drafts::discard);
                }
            });
            saving = true;
        }
        event.getLocation().getQueryParameters().getSingleParameter("step").map(WizardLayout::stepOf)
                .filter(step -> step < currentStep()).ifPresent(this::goTo);   // the browser's Back: one step back
    }

    /** Back where the person was: the action, the file as they read it, the mapping, the step. */
    private void restore(WizardDraft draft) {
        chooseStep.select(draft.action());
        int reached = 1;
        if (draft.file() != null) {
            upload.restore(draft.file(), draft.encoding(), draft.delimiter(), draft.sheet());
            SniffResult sniff = inspect();
            if (sniff != null && sniff.ok() && draft.step() >= 2 && showMapping(draft.mapping())) {
                reached = draft.step() >= 3 && review(imports, mapping, action) ? 3 : 2;
            }
        }
        goTo(draft.step() == 0 ? 0 : Math.min(draft.step(), reached));
    }

    private void save() {
        if (saving && launched == null && action != null) {
            drafts.save(new WizardDraft(action, currentStep(), upload.file(), upload.encodingOverride(),
                    upload.delimiterOverride(), upload.sheet(), mappedFileId == null ? null : mapping));
        }
    }

    /** Another action: other fields to list and map, so the mapping is made again at the next step. */
    private void choose(ImportAction chosen) {
        action = chosen;
        uploadStep.showFields(chosen);
        mappingStep.setAction(chosen);
        mappedFileId = null;
    }

    private void next() {
        messages.hide();
        switch (currentStep()) {
            case 0 -> move(1);
            case 1 -> {
                if (!upload.ready()) {
                    messages.show(List.of(getTranslation("wizard.message.upload-first")));
                } else if (!upload.sniff().ok()) {
                    messages.show(upload.sniff().problems().stream()
                            .map(p -> getTranslation("wizard.message.file-refused", p.in(getLocale()))).toList());
                } else if (showMapping(null)) {
                    move(2);
                }
            }
            case 2 -> {
                List<String> problems = mappingStep.mapping().problemTexts(action).stream()
                        .map(p -> p.in(getLocale())).toList();
                mapping = mappingStep.mapping();
                if (!problems.isEmpty()) {
                    messages.show(problems);
                } else if (review(imports, mapping, action)) {
                    move(3);
                }
            }
            default -> {
            }
        }
    }

    /**
     * Puts the file's columns on step 3, suggested afresh for another file or other headers; a draft's mapping
     * ({@code chosen}) replaces the suggestion. False when the file is gone.
     */
    private boolean showMapping(ColumnMapping chosen) {
        SniffResult sniff = upload.sniff();
        String fileId = upload.file().id();
        if (chosen == null && fileId.equals(mappedFileId) && sniff.headers().equals(mappedHeaders)) {
            return true;
        }
        MappingSuggestion suggestion = guarded(() -> imports.suggestMapping(fileId, upload.format()));
        if (suggestion == null) {
            return false;
        }
        if (chosen != null && chosen.columnCount() == sniff.headers().size()) {
            suggestion = DraftMapping.applied(suggestion, chosen);
        }
        mappingStep.setColumns(sniff.headers(), sniff.sampleRows(), suggestion);
        mapping = mappingStep.mapping();
        mappedHeaders = sniff.headers();
        mappedFileId = fileId;
        return true;
    }

    /** A step the person asked for: shown, kept in the draft, and given its own address in the browser's history. */
    private void move(int step) {
        goTo(step);
        UI.getCurrent().getPage().getHistory().pushState(null, "imports/new?step=" + (currentStep() + 1));
    }

    /** Shows a step and keeps it in the draft; going on while a resume is offered starts over (it replaces it). */
    private void goTo(int step) {
        showStep(step);
        resumeOffer.setVisible(false);
        save();
    }

    private void onUploaded(StoredFile uploaded) {
        messages.hide();
        if (!isAttached() || launched != null) {
            upload.discard(uploaded);
            return;
        }
        if (upload.ready() && upload.sniff().ok() && !upload.file().id().equals(uploaded.id())) {
            WizardQuestions.replace(this, upload.file().originalName(), uploaded.originalName(),
                    () -> replaceWith(uploaded), () -> upload.discard(uploaded));
            return;
        }
        replaceWith(uploaded);
    }

    private void replaceWith(StoredFile uploaded) {
        upload.replaceWith(uploaded);
        uploadStep.resetOverrides();
        mappedFileId = null;
        inspect();
    }

    private void removeFile() {
        upload.remove();
        uploadStep.clear();
        save();
    }

    /** Reads the file again with the current overrides and redraws what step 2 shows; null when it is gone. */
    private SniffResult inspect() {
        if (upload.file() == null) {
            return null;
        }
        SniffResult result = guarded(upload::inspect);
        if (result != null) {
            uploadStep.show(upload.file(), result);
            save();
        }
        return result;
    }

    // ------------------------------------------------------------------ launch

    /** Launches, after asking when most rows would fail. */
    @Override
    void confirmAndLaunch(List<List<String>> correctedRows) {
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
            drafts.launched();
            if (!correctedRows.isEmpty()) {
                corrections.importCorrected(job, correctedRows);
            }
            UI.getCurrent().navigate(ImportResultView.class, new RouteParameters("id", job.toString()));
        } catch (ImportRefusedException e) {
            messages.show(e.problemsIn(getLocale()));
            launch.setEnabled(true);
        } catch (IdempotencyConflictException e) {
            messages.show(List.of(getTranslation("wizard.message.launched-otherwise", e.existingJob())));
            launch.setEnabled(true);
        } catch (StoredFileNotFoundException e) {
            fileGone();
            launch.setEnabled(true);
        }
    }

    /** Cancel: the draft and its upload are discarded, after asking when there is a file to lose. */
    private void cancel() {
        if (upload.file() != null) {
            WizardQuestions.cancel(this, upload.file().originalName(), this::discardAndLeave);
            return;
        }
        discardAndLeave();
    }

    private void discardAndLeave() {
        drafts.discard();
        upload.forget();
        UI.getCurrent().navigate(ImportsView.class);
    }
}
