package com.giftcardimport.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.i18n.Languages;
import com.giftcardimport.importing.mapping.AutoMapper;
import com.giftcardimport.importing.validate.Amount;
import com.giftcardimport.importing.validate.CardNumber;
import com.giftcardimport.importing.validate.CardStatus;
import com.giftcardimport.importing.validate.Cvv;
import com.giftcardimport.importing.validate.PurchaseDate;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImportTemplateTest {

    @ParameterizedTest
    @EnumSource(ImportAction.class)
    void the_template_has_the_actions_fields_in_russian_then_two_example_rows(ImportAction action) {
        List<List<String>> rows = ImportTemplate.rows(action, Languages.RUSSIAN);

        assertThat(rows).hasSize(1 + ImportTemplate.EXAMPLE_ROWS);
        assertThat(rows.getFirst()).hasSize(action.fields().size()).contains("Номер карты");
        assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(action.fields().size()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void every_example_cell_passes_the_importers_rules(String language) {
        Locale locale = Locale.forLanguageTag(language);
        List<List<String>> rows = ImportTemplate.rows(ImportAction.ADD_GIFT_CARDS, locale);
        List<GiftCardField> fields = ImportAction.ADD_GIFT_CARDS.fields();
        for (List<String> row : rows.subList(1, rows.size())) {
            for (int i = 0; i < fields.size(); i++) {
                String cell = row.get(i);
                switch (fields.get(i)) {
                    case CARD_NUMBER -> CardNumber.parse(cell);
                    case BALANCE -> Amount.parse(cell);
                    case STATUS -> CardStatus.parse(cell);
                    case CVV -> {
                        if (!cell.isEmpty()) {
                            Cvv.parse(cell);
                        }
                    }
                    case PURCHASE_DATE -> {
                        if (!cell.isEmpty()) {
                            PurchaseDate.parse(cell, Clock.systemUTC());
                        }
                    }
                    default -> assertThat(cell).doesNotContain(";");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void the_templates_header_is_mapped_back_to_every_field(String language) {
        List<String> header = ImportTemplate.rows(ImportAction.ADD_GIFT_CARDS, Locale.forLanguageTag(language))
                .getFirst();

        ColumnMapping mapping = new AutoMapper().suggest(header).mapping();

        assertThat(mapping.problems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(chars = {';', ','})
    void the_csv_template_is_written_in_the_delimiter_asked_for_with_a_byte_order_mark(char delimiter) {
        String csv = new String(ImportTemplate.csv(ImportAction.ADD_GIFT_CARDS, Languages.RUSSIAN, delimiter),
                StandardCharsets.UTF_8);

        assertThat(csv).startsWith("\uFEFFНомер карты" + delimiter).hasLineCount(3);
        assertThat(csv.lines().toList().get(1)).contains(delimiter == ',' ? "\"1 000,00\"" : "1 000,00");
    }
}
