package com.giftcardimport.importing.mapping;

import static com.giftcardimport.importing.GiftCardField.BALANCE;
import static com.giftcardimport.importing.GiftCardField.CARD_NUMBER;
import static com.giftcardimport.importing.GiftCardField.CVV;
import static com.giftcardimport.importing.GiftCardField.POINT_OF_CONTACT;
import static com.giftcardimport.importing.GiftCardField.POOL;
import static com.giftcardimport.importing.GiftCardField.PURCHASE_DATE;
import static com.giftcardimport.importing.GiftCardField.STATUS;
import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.importing.ColumnMapping;
import com.giftcardimport.importing.GiftCardField;
import com.giftcardimport.importing.SourceRow;
import com.giftcardimport.project.ProjectId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AutoMapperTest {

    final AutoMapper mapper = new AutoMapper();

    @Test
    void the_fields_own_names_map_with_full_confidence() {
        MappingSuggestion suggestion = mapper.suggest(List.of("Card number", "Pool system name", "Gift card CVV",
                "Card balance", "Point of contact external ID", "Card purchase date (UTC)", "Gift card status"));
        assertThat(fields(suggestion)).containsExactly(CARD_NUMBER, POOL, CVV, BALANCE, POINT_OF_CONTACT,
                PURCHASE_DATE, STATUS);
        assertThat(suggestion.columns()).allSatisfy(c -> assertThat(c.confidence()).isEqualTo(1.0));
        assertThat(suggestion.mapping().problems()).isEmpty();
    }

    @Test
    void russian_headers_map_through_their_synonyms() {
        MappingSuggestion suggestion = mapper.suggest(List.of("Номер карты", "Системное имя пула", "Код", "Номинал",
                "Внешний ID точки", "Дата продажи", "Статус"));
        assertThat(fields(suggestion)).containsExactly(CARD_NUMBER, POOL, CVV, BALANCE, POINT_OF_CONTACT,
                PURCHASE_DATE, STATUS);
        assertThat(suggestion.columns().getFirst().confidence()).isEqualTo(AutoMapper.SYNONYM);
        assertThat(suggestion.columns().getFirst().reason()).isEqualTo("Known name for Card number");
    }

    @Test
    void english_headers_map_through_their_synonyms_whatever_the_case_and_punctuation() {
        MappingSuggestion suggestion = mapper.suggest(List.of("CARD_NUMBER", "pool", "cvc", "Amount", "Store ID",
                "purchase-date", "STATE"));
        assertThat(fields(suggestion)).containsExactly(CARD_NUMBER, POOL, CVV, BALANCE, POINT_OF_CONTACT,
                PURCHASE_DATE, STATUS);
        assertThat(mapper.suggest(List.of("Card No", "Pool", "Balance")).mapping().problems()).isEmpty();
    }

    @Test
    void misspelt_and_decorated_headers_are_matched_fuzzily_with_lower_confidence() {
        MappingSuggestion suggestion = mapper.suggest(List.of("Card numbr", "Pul", "Balanse", "Номер карточки клиента",
                "Статус карты (текущий)"));
        assertThat(fields(suggestion)).containsExactly(CARD_NUMBER, POOL, BALANCE, null, STATUS);
        ColumnSuggestion numbr = suggestion.columns().getFirst();
        assertThat(numbr.confidence()).isLessThan(AutoMapper.SYNONYM).isGreaterThan(0.8);
        assertThat(numbr.reason()).startsWith("Similar to");
    }

    @Test
    void a_header_containing_a_known_name_maps_to_its_field() {
        MappingSuggestion suggestion = mapper.suggest(List.of("Номер карты клиента", "Пул", "Баланс, руб."));
        assertThat(fields(suggestion)).containsExactly(CARD_NUMBER, POOL, BALANCE);
    }

    @Test
    void accents_are_ignored() {
        assertThat(fields(mapper.suggest(List.of("Státus", "Bálance")))).containsExactly(STATUS, BALANCE);
    }

    @Test
    void each_field_is_suggested_for_at_most_one_column_the_most_confident() {
        MappingSuggestion suggestion = mapper.suggest(List.of("Номер", "Номер карты", "Balance", "Сумма"));
        assertThat(fields(suggestion)).containsExactly(null, CARD_NUMBER, BALANCE, null);
        assertThat(suggestion.mapping().problems()).containsExactly(
                "The required field \"Pool system name\" is not mapped to any column");
    }

    @Test
    void unknown_columns_are_left_unmapped_with_zero_confidence() {
        MappingSuggestion suggestion = mapper.suggest(List.of("Card number", "Comment", ""));
        assertThat(suggestion.columns().get(1).field()).isEmpty();
        assertThat(suggestion.columns().get(1).confidence()).isZero();
        assertThat(suggestion.columns().get(2).field()).isEmpty();
    }

    @Test
    void sample_values_suggest_status_and_purchase_date_for_columns_with_unknown_names() {
        List<SourceRow> rows = List.of(new SourceRow(2, List.of("A1", "CanBeUsed", "2024-05-01")),
                new SourceRow(3, List.of("A2", "Blocked", "")));
        MappingSuggestion suggestion = mapper.suggest(null, List.of("Card number", "X", "Y"), rows);
        assertThat(fields(suggestion)).containsExactly(CARD_NUMBER, STATUS, PURCHASE_DATE);
        assertThat(suggestion.columns().get(1).confidence()).isEqualTo(AutoMapper.VALUES);
    }

    @Test
    void the_mapping_used_last_time_for_the_same_headers_wins_over_names() {
        List<String> headers = List.of("Номер карты", "Пул", "Баланс", "Комментарий");
        ColumnMapping last = ColumnMapping.of(Map.of(0, CARD_NUMBER, 1, POOL, 2, BALANCE, 3, POINT_OF_CONTACT), 4);
        ProjectId acme = ProjectId.of(1);
        MappingHistory history = (project, names) -> project.equals(acme) && names.equals(headers)
                ? Optional.of(last) : Optional.empty();
        AutoMapper withHistory = new AutoMapper(history);

        MappingSuggestion suggestion = withHistory.suggest(acme, headers, List.of());
        assertThat(suggestion.mapping()).isEqualTo(last);
        assertThat(suggestion.columns().get(3).reason()).isEqualTo("Used for this column last time");
        assertThat(suggestion.columns()).allSatisfy(c -> assertThat(c.confidence()).isEqualTo(AutoMapper.HISTORY));

        MappingSuggestion otherProject = withHistory.suggest(ProjectId.of(2), headers, List.of());
        assertThat(otherProject.mapping().field(3)).isEmpty();
    }

    @Test
    void a_history_that_does_not_fit_the_headers_is_ignored() {
        ColumnMapping tooShort = ColumnMapping.of(Map.of(0, BALANCE), 1);
        AutoMapper withHistory = new AutoMapper((project, names) -> Optional.of(tooShort));
        assertThat(fields(withHistory.suggest(ProjectId.of(1), List.of("Card number", "Pool"), List.of())))
                .containsExactly(CARD_NUMBER, POOL);
    }

    @Test
    void real_russian_headers_with_the_number_sign_codes_abbreviations_and_units_map() {
        MappingSuggestion suggestion = mapper.suggest(List.of("№ п/п", "Код карты", "Сист. имя пула", "Код CVV2",
                "Номинал (руб.)", "Код ТТ", "Дата пок.", "Статус ПК"));
        assertThat(fields(suggestion)).containsExactly(null, CARD_NUMBER, POOL, CVV, BALANCE, POINT_OF_CONTACT,
                PURCHASE_DATE, STATUS);
        assertThat(suggestion.columns().subList(1, 8))
                .allSatisfy(c -> assertThat(c.confidence()).isGreaterThanOrEqualTo(AutoMapper.SYNONYM - 0.05));
        assertThat(fields(mapper.suggest(List.of("№ карты", "Пул", "Сумма, руб.")))).containsExactly(CARD_NUMBER,
                POOL, BALANCE);
        assertThat(fields(mapper.suggest(List.of("Код сертификата", "Pool", "Остаток, ₽"))))
                .containsExactly(CARD_NUMBER, POOL, BALANCE);
    }

    @Test
    void real_english_headers_with_abbreviations_and_units_map() {
        MappingSuggestion suggestion = mapper.suggest(List.of("#", "Card Nr", "Pool", "Balance (RUB)", "POS ID",
                "Purch. date", "Card state"));
        assertThat(fields(suggestion)).containsExactly(null, CARD_NUMBER, POOL, BALANCE, POINT_OF_CONTACT,
                PURCHASE_DATE, STATUS);
        assertThat(fields(mapper.suggest(List.of("N° card", "Amt.", "Pool code")))).containsExactly(CARD_NUMBER,
                BALANCE, POOL);
    }

    @Test
    void a_code_alone_is_still_the_cvv_and_a_column_of_only_a_number_sign_is_a_row_counter() {
        assertThat(fields(mapper.suggest(List.of("№", "Номер карты", "Код")))).containsExactly(null, CARD_NUMBER,
                CVV);
        assertThat(AutoMapper.cvvLikeColumns(List.of("Код карты", "Код"))).containsExactly(1);
        // a note in brackets is read through for mapping, never for masking
        assertThat(AutoMapper.cvvLikeColumns(List.of("Номер карты", "Данные (CVV)", "Secret [cvc2]")))
                .containsExactly(1, 2);
    }

    @Test
    void units_and_the_number_sign_are_taken_off_before_comparing() {
        assertThat(HeaderNormalizer.normalize("Номинал (руб.)")).isEqualTo("nominal");
        assertThat(HeaderNormalizer.normalize("Balance [RUB]")).isEqualTo("balance");
        assertThat(HeaderNormalizer.normalize("Сумма, руб.")).isEqualTo("summa");
        assertThat(HeaderNormalizer.normalize("№ карты")).isEqualTo("nomerkarty");
        assertThat(HeaderNormalizer.normalize("N° card")).isEqualTo("numbercard");
        assertThat(HeaderNormalizer.normalize("№ п/п")).isEmpty();
        assertThat(HeaderNormalizer.normalize("(UTC)")).isEqualTo("utc");
    }

    @Test
    void normalisation_transliterates_folds_case_and_drops_punctuation() {
        assertThat(HeaderNormalizer.normalize("Номер карты")).isEqualTo("nomerkarty");
        assertThat(HeaderNormalizer.normalize(" Card_No. ")).isEqualTo("cardno");
        assertThat(HeaderNormalizer.normalize("Größe")).isEqualTo("grosse");
    }

    private static List<GiftCardField> fields(MappingSuggestion suggestion) {
        return suggestion.columns().stream().map(c -> c.field().orElse(null)).toList();
    }
}
