package com.giftcardimport.importing.ui;

import com.giftcardimport.importing.ImportJobId;
import com.giftcardimport.importing.ImportSummary;
import com.giftcardimport.importing.ImportUndo;
import com.giftcardimport.importing.ImportUndoRefusedException;
import com.giftcardimport.importing.ImportUndoSummary;
import com.giftcardimport.importing.KeptCard;
import com.giftcardimport.importing.UndoPreview;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.shared.Registration;

/**
 * The undo on the result page (SPEC §13): the Undo button (project admins, an ended import not undone yet), which
 * asks first and says how many cards it will delete (or give their previous status back) and keep; then the undo's
 * progress, polled while it runs, and once it ended who undid it, the counts and the kept cards with why.
 */
final class UndoPanel extends VerticalLayout {

    /** How often the page asks for the undo's progress while it runs, in milliseconds. */
    static final int POLL_MILLIS = 1000;

    private final transient ImportUndo undo;
    private final Runnable refresh;
    final Button button = new Button(VaadinIcon.ARROW_BACKWARD.create());
    final Paragraph line = new Paragraph();
    final ProgressBar bar = new ProgressBar(0, 1);
    final H3 keptTitle = new H3();
    final Grid<KeptCard> kept = new Grid<>();
    ConfirmDialog dialog;
    private ImportSummary job;
    private boolean admin;
    private Registration polling;

    /** @param refresh reads the import again and hands it to {@link #render} */
    UndoPanel(ImportUndo undo, Runnable refresh) {
        this.undo = undo;
        this.refresh = refresh;
        setPadding(false);
        button.setText(getTranslation("undo.button"));
        keptTitle.setText(getTranslation("undo.kept.title"));
        button.setId("undo-import");
        button.addThemeVariants(ButtonVariant.LUMO_ERROR);
        button.addClickListener(e -> confirm());
        line.setId("undo-status");
        kept.addColumn(KeptCard::cardNumber).setHeader(getTranslation("undo.kept.card-number")).setAutoWidth(true)
                .setFlexGrow(0);
        kept.addColumn(KeptCard::reason).setHeader(getTranslation("undo.kept.reason")).setFlexGrow(1);
        kept.setPageSize(50);
        kept.setHeight("16rem");
        kept.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        kept.setId("kept-cards");
        add(line, bar, keptTitle, kept);
        addDetachListener(e -> stopPolling());
    }

    /** Shows the undo of {@code shown} (or its Undo button, for an admin). */
    void render(ImportSummary shown, boolean mayUndo) {
        boolean keptBefore = job != null && job.undo() != null
                && job.undo().status() != ImportUndoSummary.Status.RUNNING;
        job = shown;
        admin = mayUndo;
        button.setVisible(admin && job.undoable());
        ImportUndoSummary state = job.undo();
        line.setVisible(state != null);
        line.setText(state == null ? "" : ImportDisplay.undoLine(state)
                + (state.failureMessage() == null ? "" : ". " + state.failureMessageIn(getLocale())));
        boolean running = state != null && state.status() == ImportUndoSummary.Status.RUNNING;
        bar.setVisible(running);
        bar.setValue(state == null ? 0 : state.fraction());
        boolean anyKept = state != null && state.keptCards() > 0;
        keptTitle.setVisible(anyKept);
        kept.setVisible(anyKept);
        if (anyKept && !keptBefore) {
            ImportJobId id = job.id();
            kept.setItems(q -> undo.keptCards(id, q.getOffset(), q.getLimit()).stream());
        }
        if (running) {
            startPolling();
        } else {
            stopPolling();
        }
    }

    private void confirm() {
        UndoPreview preview = undo.preview(job.id());
        String what = getTranslation(preview.action().createsCards() ? "undo.confirm.delete" : "undo.confirm.restore",
                count(preview.toUndo()));
        String keep = preview.toKeep() == 0 ? "" : " " + getTranslation("undo.confirm.keep", count(preview.toKeep()));
        dialog = new ConfirmDialog(getTranslation("undo.confirm.title"),
                what + keep + " " + getTranslation("undo.confirm.once"),
                getTranslation(preview.action().createsCards() ? "undo.confirm.delete-button"
                        : "undo.confirm.restore-button", count(preview.toUndo())), e -> start());
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("undo.confirm.cancel"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.setId("undo-dialog");
        dialog.open();
    }

    private void start() {
        try {
            undo.undo(job.id());
        } catch (ImportUndoRefusedException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.BOTTOM_START);
        }
        refresh.run();
    }

    private void startPolling() {
        UI ui = UI.getCurrent();
        if (polling == null && ui != null) {
            ui.setPollInterval(POLL_MILLIS);
            polling = ui.addPollListener(e -> refresh.run());
        }
    }

    private void stopPolling() {
        if (polling != null) {
            polling.remove();
            polling = null;
            UI ui = UI.getCurrent();
            if (ui != null) {
                ui.setPollInterval(-1);
            }
        }
    }

    private String count(long cards) {
        return cards == 1 ? getTranslation("undo.cards.one") : getTranslation("undo.cards.many",
                ImportDisplay.number(cards));
    }
}
