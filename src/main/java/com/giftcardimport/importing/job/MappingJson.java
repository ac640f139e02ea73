package com.giftcardimport.importing.job;

import com.giftcardimport.importing.ColumnMapping;
import com.giftcardimport.importing.GiftCardField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a {@link ColumnMapping} is stored in {@code import_job.mapping}: a JSON array with one entry per file column,
 * the field's code or {@code null} for a column that is not imported, e.g. {@code ["CARD_NUMBER", null, "POOL"]}.
 */
final class MappingJson {

    private MappingJson() {
    }

    static String write(ColumnMapping mapping) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < mapping.columnCount(); i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append(mapping.field(i).map(f -> '"' + f.name() + '"').orElse("null"));
        }
        return json.append(']').toString();
    }

    static ColumnMapping read(String json) {
        String body = json.strip();
        if (!body.startsWith("[") || !body.endsWith("]")) {
            throw new IllegalArgumentException("Not a stored mapping: " + json);
        }
        body = body.substring(1, body.length() - 1).strip();
        List<Optional<GiftCardField>> fields = new ArrayList<>();
        if (!body.isEmpty()) {
            for (String entry : body.split(",")) {
                String value = entry.strip();
                fields.add(value.equals("null") ? Optional.empty()
                        : Optional.of(GiftCardField.valueOf(value.substring(1, value.length() - 1))));
            }
        }
        return new ColumnMapping(fields);
    }
}
