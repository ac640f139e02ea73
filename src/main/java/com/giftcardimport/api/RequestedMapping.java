package com.giftcardimport.api;

import com.giftcardimport.importing.GiftCardField;
import com.giftcardimport.importing.ImportRefusedException;
import com.giftcardimport.importing.NamedColumnMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code mapping} part of an API import: a JSON object whose keys name file columns and whose values name
 * fields, e.g. {@code {"Card No": "CARD_NUMBER", "Pool": "POOL", "Amount": "BALANCE"}}.
 *
 * <ul>
 *   <li>A key is a column name as the file's header has it (surrounding spaces ignored; letter case ignored when
 *       that still names one column). A key that names no column but is a whole number is the column's
 *       position, counted from 0.</li>
 *   <li>A value is a field code ({@code CARD_NUMBER}, {@code POOL}, {@code CVV}, {@code BALANCE},
 *       {@code POINT_OF_CONTACT}, {@code PURCHASE_DATE}, {@code STATUS}) or the field's label
 *       ({@code "Card number"}), in any letter case; {@code null} or {@code ""} skips the column.</li>
 *   <li>Columns the mapping does not name are not imported: an explicit mapping replaces auto-mapping.</li>
 * </ul>
 */
final class RequestedMapping {

    private RequestedMapping() {
    }

    /**
     * Reads the JSON text; the file is not needed for this.
     *
     * @throws ImportRefusedException when the text is not a JSON object of column → field, or names unknown fields
     */
    static NamedColumnMapping parse(String json, JsonMapper mapper) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JacksonException e) {
            throw new ImportRefusedException(List.of("The mapping is not valid JSON: give an object such as "
                    + "{\"Card No\": \"CARD_NUMBER\", \"Pool\": \"POOL\", \"Amount\": \"BALANCE\"}"));
        }
        if (root == null || !root.isObject()) {
            throw new ImportRefusedException(List.of("The mapping must be a JSON object of column → field, "
                    + "such as {\"Card No\": \"CARD_NUMBER\"}"));
        }
        Map<String, Optional<GiftCardField>> fields = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            JsonNode value = entry.getValue();
            if (value.isNull() || (value.isString() && value.asString().isBlank())) {
                fields.put(entry.getKey(), Optional.empty());
            } else if (!value.isString()) {
                problems.add("The mapping of column \"" + entry.getKey() + "\" must be a field name, such as "
                        + "\"CARD_NUMBER\"");
            } else {
                Optional<GiftCardField> field = field(value.asString());
                if (field.isEmpty()) {
                    problems.add("The mapping of column \"" + entry.getKey() + "\" names an unknown field \""
                            + value.asString() + "\"; known fields: " + knownFields());
                }
                fields.put(entry.getKey(), field);
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportRefusedException(problems);
        }
        return new NamedColumnMapping(fields);
    }

    private static Optional<GiftCardField> field(String name) {
        String wanted = name.strip();
        for (GiftCardField field : GiftCardField.values()) {
            if (field.name().equalsIgnoreCase(wanted) || field.label().equalsIgnoreCase(wanted)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    private static String knownFields() {
        List<String> names = new ArrayList<>();
        for (GiftCardField field : GiftCardField.values()) {
            names.add(field.name());
        }
        return String.join(", ", names);
    }
}
