package com.giftcardimport.importing.ui;

import com.giftcardimport.importing.CorrectableRow;
import com.giftcardimport.importing.CorrectionLinks;
import com.giftcardimport.importing.ImportCorrections;
import com.giftcardimport.importing.ImportJobId;
import com.giftcardimport.importing.ImportSummary;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.List;

/**
 * The corrections on the result page: the links between an import and the follow-up imports of its corrected rows
 * (both ways), and for project admins the failed rows of an ended import in an editable grid ({@link CorrectionGrid});
 * "Import corrected rows" launches the follow-up and opens its page. The import's own counters never change.
 */
final class CorrectionSection extends VerticalLayout {

    private final transient ImportCorrections corrections;
    final Div links = new Div();
    final Button correct = new Button();
    final Div editor = new Div();
    CorrectionGrid grid;
    private ImportJobId shown;

    CorrectionSection(ImportCorrections corrections) {
        this.corrections = corrections;
        setPadding(false);
        links.setId("correction-links");
        correct.setText(getTranslation("correction.open"));
        correct.setIcon(VaadinIcon.EDIT.create());
        correct.setId("correct-failed-rows");
        correct.addClickListener(e -> open());
        add(links, correct, editor);
    }

    /** Shows the links of {@code job} and, for an admin of an ended import with failed rows, the way to correct them. */
    void render(ImportSummary job, boolean admin) {
        if (!job.id().equals(shown)) {
            shown = job.id();
            editor.removeAll();
            grid = null;
            showLinks(corrections.links(job.id()));
        }
        correct.setVisible(admin && grid == null && job.status().isFinal() && job.failedRows() > 0);
    }

    private void showLinks(CorrectionLinks found) {
        links.removeAll();
        found.corrects().ifPresent(original -> links.add(line("correction.corrects", List.of(original))));
        if (!found.correctedBy().isEmpty()) {
            links.add(line("correction.corrected-by", found.correctedBy()));
        }
        links.setVisible(links.getComponentCount() > 0);
    }

    private Div line(String key, List<ImportJobId> jobs) {
        Div line = new Div(new Span(getTranslation(key) + " "));
        for (int i = 0; i < jobs.size(); i++) {
            ImportJobId id = jobs.get(i);
            RouterLink link = new RouterLink(getTranslation("correction.import-number", id.toString()),
                    ImportResultView.class, new RouteParameters("id", id.toString()));
            link.setId("correction-link-" + id);
            line.add(link);
            if (i < jobs.size() - 1) {
                line.add(new Span(", "));
            }
        }
        return line;
    }

    /** The small badge of the import list: "↳ 12" on a follow-up of import 12, "↱ 13" on an import corrected by 13. */
    static Span badge(CorrectionLinks found) {
        Span badge = new Span();
        badge.addClassName("gci-link-badge");
        if (found != null) {
            StringBuilder text = new StringBuilder();
            found.corrects().ifPresent(original -> text.append("↳ ").append(original));
            if (!found.correctedBy().isEmpty()) {
                text.append(text.isEmpty() ? "" : " ").append("↱ ").append(found.correctedBy().stream()
                        .map(ImportJobId::toString).collect(java.util.stream.Collectors.joining(", ")));
            }
            badge.setText(text.toString());
            badge.setTitle(badge.getTranslation(found.corrects().isPresent() ? "correction.badge.follow-up"
                    : "correction.badge.corrected"));
        }
        return badge;
    }

    private void open() {
        ImportJobId id = shown;
        List<CorrectableRow> failed = corrections.failedRows(id, getLocale());
        grid = new CorrectionGrid(corrections, corrections.targetOf(id), failed, rows -> {
            ImportJobId followUp = corrections.importCorrected(id, rows);
            UI.getCurrent().navigate(ImportResultView.class, new RouteParameters("id", followUp.toString()));
        });
        editor.add(grid);
        correct.setVisible(false);
    }
}
