package com.giftcardimport.importing.job;

import com.giftcardimport.importing.ColumnMapping;
import com.giftcardimport.importing.GiftCardField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * How a {@link ColumnMapping} is stored in {@code import_job.mapping}: a JSON array with one entry per file column,
 * the field's code or {@code null} for a column that is not imported, e.g. {@code ["CARD_NUMBER", null, "POOL"]}.
 * Written and read with Jackson.
 */
public final class MappingJson {

    private static final JsonMapper JSON = JsonMapper.shared();

    private MappingJson() {
    }

    public static String write(ColumnMapping mapping) {
        ArrayNode array = JSON.createArrayNode();
        for (int i = 0; i < mapping.columnCount(); i++) {
            array.add(mapping.field(i).map(Enum::name).orElse(null));
        }
        return JSON.writeValueAsString(array);
    }

    public static ColumnMapping read(String json) {
        JsonNode array;
        try {
            array = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Not a stored mapping: " + json, e);
        }
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("Not a stored mapping: " + json);
        }
        List<Optional<GiftCardField>> fields = new ArrayList<>();
        for (JsonNode entry : array) {
            fields.add(entry.isNull() ? Optional.empty() : Optional.of(GiftCardField.valueOf(entry.asString())));
        }
        return new ColumnMapping(fields);
    }
}
