package com.giftcardimport.importing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A mapping that names file columns instead of counting them, as a script writes it before it has seen the file:
 * each key is a column name as the header has it (surrounding spaces ignored; letter case ignored when that still
 * names one column) or, when it names no column but is a whole number, the column's position from 0. An empty
 * field skips the column; columns not named are not imported.
 */
public record NamedColumnMapping(Map<String, Optional<GiftCardField>> fieldByKey) {

    public NamedColumnMapping {
        fieldByKey = Collections.unmodifiableMap(new LinkedHashMap<>(fieldByKey));   // in the order written
    }

    /**
     * The mapping for a file with this header. Whether required fields are all mapped is checked at launch.
     *
     * @throws ImportRefusedException for a key that names no column of the file, or two keys naming one column
     */
    public ColumnMapping resolve(List<String> header) {
        Map<Integer, GiftCardField> byColumn = new HashMap<>();
        Map<Integer, String> keyOfColumn = new HashMap<>();
        List<String> problems = new ArrayList<>();
        fieldByKey.forEach((key, field) -> {
            Optional<Integer> column = column(key, header);
            if (column.isEmpty()) {
                problems.add("The mapping names a column \"" + key + "\" that the file does not have; its columns "
                        + "are " + quoted(header));
                return;
            }
            String earlier = keyOfColumn.putIfAbsent(column.get(), key);
            if (earlier != null) {
                problems.add("The mapping names column " + column.get() + " twice: \"" + earlier + "\" and \""
                        + key + "\"");
                return;
            }
            field.ifPresent(f -> byColumn.put(column.get(), f));
        });
        if (!problems.isEmpty()) {
            throw new ImportRefusedException(problems);
        }
        return ColumnMapping.of(byColumn, header.size());
    }

    private static Optional<Integer> column(String key, List<String> header) {
        String wanted = key.strip();
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().equals(wanted)) {
                return Optional.of(i);
            }
        }
        List<Integer> ignoringCase = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().equalsIgnoreCase(wanted)) {
                ignoringCase.add(i);
            }
        }
        if (ignoringCase.size() == 1) {
            return Optional.of(ignoringCase.getFirst());
        }
        if (wanted.matches("\\d{1,4}")) {
            int index = Integer.parseInt(wanted);
            if (index < header.size()) {
                return Optional.of(index);
            }
        }
        return Optional.empty();
    }

    private static String quoted(List<String> header) {
        List<String> names = header.stream().map(h -> "\"" + h + "\"").toList();
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
