package com.giftcardimport.importing;

import com.giftcardimport.i18n.Text;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which field each file column fills: position {@code i} is column {@code i} of the file; an empty entry is a
 * column that is not imported. Whether the mapping is complete is told by {@link #problems()}.
 */
public record ColumnMapping(List<Optional<GiftCardField>> fieldByColumn) {

    public ColumnMapping {
        fieldByColumn = List.copyOf(fieldByColumn);
    }

    public static ColumnMapping of(Map<Integer, GiftCardField> fields, int columnCount) {
        List<Optional<GiftCardField>> list = new ArrayList<>(Collections.nCopies(columnCount, Optional.empty()));
        fields.forEach((column, field) -> list.set(column, Optional.ofNullable(field)));
        return new ColumnMapping(list);
    }

    public int columnCount() {
        return fieldByColumn.size();
    }

    public Optional<GiftCardField> field(int column) {
        return column < fieldByColumn.size() ? fieldByColumn.get(column) : Optional.empty();
    }

    /** The column that fills {@code field}, or -1. */
    public int columnOf(GiftCardField field) {
        for (int i = 0; i < fieldByColumn.size(); i++) {
            if (fieldByColumn.get(i).filter(field::equals).isPresent()) {
                return i;
            }
        }
        return -1;
    }

    /** Field → column for every mapped field. */
    public Map<GiftCardField, Integer> columnsByField() {
        Map<GiftCardField, Integer> map = new EnumMap<>(GiftCardField.class);
        for (int i = 0; i < fieldByColumn.size(); i++) {
            int column = i;
            fieldByColumn.get(i).ifPresent(f -> map.putIfAbsent(f, column));
        }
        return map;
    }

    /**
     * What keeps this mapping from being used, in words for the user: a required field with no column, or a
     * field chosen for more than one column. Empty when the mapping can be launched.
     */
    public List<String> problems() {
        return problems(ImportAction.ADD_GIFT_CARDS);
    }

    /** {@link #problems()} for a file of {@code action}: its required fields, and none of another action's. */
    public List<String> problems(ImportAction action) {
        return problemTexts(action).stream().map(Text::english).toList();
    }

    /** {@link #problems(ImportAction)} as texts, said in the reader's language. */
    public List<Text> problemTexts(ImportAction action) {
        List<Text> problems = new ArrayList<>();
        Map<GiftCardField, Integer> counts = new EnumMap<>(GiftCardField.class);
        fieldByColumn.forEach(f -> f.ifPresent(field -> counts.merge(field, 1, Integer::sum)));
        for (GiftCardField field : GiftCardField.values()) {
            if (action.requires(field) && !counts.containsKey(field)) {
                problems.add(Text.of("refusal.mapping.required", Text.ref("refusal.field." + field.name())));
            }
            if (counts.containsKey(field) && !action.fields().contains(field)) {
                problems.add(Text.of("refusal.mapping.notOfAction", Text.ref("refusal.field." + field.name()),
                        Text.ref("imports.action." + action.name())));
            }
            if (counts.getOrDefault(field, 0) > 1) {
                problems.add(Text.of("refusal.mapping.twice", Text.ref("refusal.field." + field.name())));
            }
        }
        return problems;
    }

    /** {@link #problems()}, plus a column count that differs from the file's {@code header}. */
    public List<String> problemsWith(List<String> header) {
        return problemsWith(header, ImportAction.ADD_GIFT_CARDS);
    }

    /** {@link #problems(ImportAction)}, plus a column count that differs from the file's {@code header}. */
    public List<String> problemsWith(List<String> header, ImportAction action) {
        return problemTextsWith(header, action).stream().map(Text::english).toList();
    }

    /** {@link #problemsWith(List, ImportAction)} as texts, said in the reader's language. */
    public List<Text> problemTextsWith(List<String> header, ImportAction action) {
        List<Text> problems = new ArrayList<>(problemTexts(action));
        if (columnCount() != header.size()) {
            problems.add(Text.of("refusal.mapping.columnCount", columnCount(), header.size()));
        }
        return problems;
    }

    /** The same mapping without the fields {@code action} does not use (an auto-mapping made for every field). */
    public ColumnMapping restrictedTo(ImportAction action) {
        return new ColumnMapping(fieldByColumn.stream()
                .map(f -> f.filter(action.fields()::contains)).toList());
    }
}
