package com.giftcardimport.importing.ui;

import com.giftcardimport.base.NarrowColumns;
import com.giftcardimport.importing.ColumnMapping;
import com.giftcardimport.importing.GiftCardField;
import com.giftcardimport.importing.ImportAction;
import com.giftcardimport.importing.SourceRow;
import com.giftcardimport.importing.mapping.ColumnSuggestion;
import com.giftcardimport.importing.mapping.MappingReason;
import com.giftcardimport.importing.mapping.MappingSuggestion;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Wizard step 3: one line per file column with its name, a few sample values, an Import checkbox, the target
 * field and how sure the auto-mapping was. Each field goes to one column at most: choosing a field another column
 * already has takes it from that column (and says so). Once the user changed anything, "Back to suggestions" puts the
 * auto-mapping's suggestion back. Fires {@link MappingChanged} on every change.
 */
final class MappingStep extends VerticalLayout {

    /** The mapping on screen changed. */
    static final class MappingChanged extends ComponentEvent<MappingStep> {
        private final ColumnMapping mapping;

        MappingChanged(MappingStep source, ColumnMapping mapping) {
            super(source, true);
            this.mapping = mapping;
        }

        ColumnMapping mapping() {
            return mapping;
        }
    }

    /** One file column on screen. */
    static final class Line {
        final int column;
        final String header;
        final String samples;
        boolean imported;
        GiftCardField field;
        final double confidence;
        /** Why auto-mapping suggested it, in words; empty when there is no suggestion. */
        final String reason;
        boolean changedByUser;

        Line(int column, String header, String samples, GiftCardField field, double confidence, String reason) {
            this.column = column;
            this.header = header;
            this.samples = samples;
            this.field = field;
            this.imported = field != null;
            this.confidence = confidence;
            this.reason = reason;
        }

        Optional<GiftCardField> effectiveField() {
            return imported ? Optional.ofNullable(field) : Optional.empty();
        }
    }

    static final int SAMPLE_VALUES = 3;

    final Grid<Line> grid = new Grid<>();
    final Div required = new Div();
    final Button backToSuggestions = new Button(getTranslation("mapping.backToSuggestions"),
            VaadinIcon.ARROW_BACKWARD.create());
    private final List<Line> lines = new ArrayList<>();
    private ImportAction action = ImportAction.ADD_GIFT_CARDS;
    /** What {@link #setColumns} was given last, to go back to. */
    private List<String> headers = List.of();
    private List<SourceRow> sampleRows = List.of();
    private MappingSuggestion suggestion;

    MappingStep() {
        setPadding(false);
        Paragraph intro = new Paragraph(getTranslation("mapping.intro"));
        intro.addClassName("gci-muted");
        backToSuggestions.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        backToSuggestions.setId("back-to-suggestions");
        backToSuggestions.setEnabled(false);
        backToSuggestions.addClickListener(e -> backToSuggestions());
        HorizontalLayout top = new HorizontalLayout(intro, backToSuggestions);
        top.setWidthFull();
        top.setWrap(true);
        top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        top.expand(intro);

        grid.addColumn(l -> l.header).setHeader(getTranslation("mapping.column.column")).setAutoWidth(true)
                .setKey("column");
        grid.addColumn(l -> l.samples).setHeader(getTranslation("mapping.column.samples")).setFlexGrow(1)
                .setKey("samples").setTooltipGenerator(l -> l.samples);
        grid.addComponentColumn(this::importBox).setHeader(getTranslation("mapping.column.import"))
                .setAutoWidth(true).setFlexGrow(0).setKey("import");
        grid.addComponentColumn(this::fieldBox).setHeader(getTranslation("mapping.column.field")).setWidth("19rem")
                .setFlexGrow(0).setKey("field");
        grid.addComponentColumn(this::confidenceBadge).setHeader(getTranslation("mapping.column.confidence"))
                .setAutoWidth(true).setFlexGrow(0).setKey("confidence");
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setId("mapping-grid");
        NarrowColumns.hideWhenNarrow(grid, "samples", "confidence");

        required.addClassName("gci-required-fields");
        required.setId("required-fields");
        add(top, grid, required);
    }

    /** The fields to offer and require are {@code chosen}'s (the columns are set again for it). */
    void setAction(ImportAction chosen) {
        action = chosen;
    }

    /** Puts the columns of a file on screen with the suggested mapping, keeping the action's fields only. */
    void setColumns(List<String> headers, List<SourceRow> sampleRows, MappingSuggestion suggestion) {
        this.headers = List.copyOf(headers);
        this.sampleRows = List.copyOf(sampleRows);
        this.suggestion = suggestion;
        lines.clear();
        for (int i = 0; i < headers.size(); i++) {
            int column = i;
            String samples = sampleRows.stream().map(r -> r.cell(column).strip()).filter(v -> !v.isEmpty())
                    .distinct().limit(SAMPLE_VALUES).collect(Collectors.joining(" · "));
            ColumnSuggestion s = i < suggestion.columns().size() ? suggestion.columns().get(i) : null;
            lines.add(new Line(i, headers.get(i), samples,
                    s == null ? null : s.field().filter(action.fields()::contains).orElse(null),
                    s == null ? 0 : s.confidence(),
                    s == null ? "" : reason(s)));
        }
        grid.setItems(lines);
        changed();
    }

    /** Forgets every change the user made: the auto-mapping's suggestion again. */
    void backToSuggestions() {
        if (suggestion != null) {
            setColumns(headers, sampleRows, suggestion);
        }
    }

    ColumnMapping mapping() {
        return new ColumnMapping(lines.stream().map(Line::effectiveField).toList());
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }

    private Checkbox importBox(Line line) {
        Checkbox box = new Checkbox(line.imported);
        box.setAriaLabel(getTranslation("mapping.importColumn", line.header));
        box.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                setImported(line, e.getValue());
            }
        });
        return box;
    }

    private ComboBox<GiftCardField> fieldBox(Line line) {
        ComboBox<GiftCardField> box = new ComboBox<>();
        box.setItems(action.fields());
        box.setItemLabelGenerator(f -> action.requires(f)
                ? getTranslation("mapping.requiredField", fieldName(f)) : fieldName(f));
        box.setPlaceholder(getTranslation("mapping.notImported"));
        box.setClearButtonVisible(true);
        box.setValue(line.field);
        box.setEnabled(line.imported || line.field == null);
        box.setWidthFull();
        box.setAriaLabel(getTranslation("mapping.fieldForColumn", line.header));
        box.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                choose(line, e.getValue());
            }
        });
        return box;
    }

    /** Puts {@code field} on {@code line}, taking it from any other column that had it. */
    void choose(Line line, GiftCardField field) {
        line.field = field;
        line.imported = field != null;
        line.changedByUser = true;
        if (field != null) {
            for (Line other : lines) {
                if (other != line && other.field == field) {
                    boolean wasImported = other.imported;
                    other.field = null;
                    other.imported = false;
                    other.changedByUser = true;
                    if (wasImported) {
                        Notification.show(getTranslation("mapping.moved", fieldName(field), line.header,
                                other.header), 4000, Notification.Position.BOTTOM_START);
                    }
                }
            }
        }
        grid.getDataProvider().refreshAll();
        changed();
    }

    /** Ticks or unticks the Import box of {@code line}; ticking a column with a field takes that field back. */
    void setImported(Line line, boolean imported) {
        if (imported && line.field != null) {
            choose(line, line.field);
            return;
        }
        line.imported = imported;
        line.changedByUser = true;
        grid.getDataProvider().refreshAll();
        changed();
    }

    private Span confidenceBadge(Line line) {
        Span badge = new Span();
        badge.addClassName("gci-confidence");
        if (line.changedByUser) {
            badge.setText(getTranslation("mapping.yourChoice"));
            badge.getElement().setAttribute("data-level", "user");
        } else if (line.field == null) {
            badge.setText(getTranslation("mapping.noMatch"));
            badge.getElement().setAttribute("data-level", "none");
        } else {
            badge.setText(Math.round(line.confidence * 100) + " %");
            badge.getElement().setAttribute("data-level",
                    line.confidence >= 0.9 ? "high" : line.confidence >= 0.6 ? "medium" : "low");
        }
        if (line.reason != null && !line.reason.isBlank()) {
            badge.setTitle(line.reason);
            if (!line.changedByUser && line.field != null) {
                badge.setText(badge.getText() + " · " + line.reason);
            }
        }
        return badge;
    }

    private void changed() {
        ColumnMapping mapping = mapping();
        List<String> parts = new ArrayList<>();
        for (GiftCardField field : action.fields()) {
            if (action.requires(field)) {
                int column = mapping.columnOf(field);
                parts.add((column >= 0 ? "✓ " : "✗ ") + fieldName(field)
                        + (column >= 0 ? " ← " + lines.get(column).header : ""));
            }
        }
        required.setText(getTranslation("mapping.required", String.join("   ", parts)));
        backToSuggestions.setEnabled(lines.stream().anyMatch(l -> l.changedByUser));
        required.getElement().setAttribute("data-complete",
                Boolean.toString(mapping.problems(action).isEmpty()));
        fireEvent(new MappingChanged(this, mapping));
    }

    /** Why auto-mapping suggested what it did, in the user's language. */
    private String reason(ColumnSuggestion suggestion) {
        MappingReason why = suggestion.why();
        String field = suggestion.field().map(this::fieldName).orElse("");
        return getTranslation(why.key(), why.name() == null ? "" : why.name(), field);
    }

    /** A field's name in the user's language. */
    private String fieldName(GiftCardField field) {
        return getTranslation("mapping.field." + field.name());
    }

    Registration addMappingChangedListener(ComponentEventListener<MappingChanged> listener) {
        return addListener(MappingChanged.class, listener);
    }
}
