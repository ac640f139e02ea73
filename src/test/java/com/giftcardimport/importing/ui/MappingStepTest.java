package com.giftcardimport.importing.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.base.ui.KaribuTest;
import com.giftcardimport.importing.GiftCardField;
import com.giftcardimport.importing.SourceRow;
import com.giftcardimport.importing.mapping.AutoMapper;
import com.vaadin.flow.component.UI;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MappingStepTest extends KaribuTest {

    static final List<String> HEADERS = List.of("№ п/п", "Код карты", "Пул", "Номинал (руб.)", "Статус");
    static final List<SourceRow> ROWS = List.of(new SourceRow(2, List.of("1", "A-1", "flex", "10", "Активна")));

    @Test
    void real_russian_headers_arrive_mapped() {
        MappingStep step = step();

        assertThat(step.lines()).extracting(l -> l.field).containsExactly(null, GiftCardField.CARD_NUMBER,
                GiftCardField.POOL, GiftCardField.BALANCE, GiftCardField.STATUS);
        assertThat(step.mapping().problems()).isEmpty();
        assertThat(step.backToSuggestions.isEnabled()).isFalse();
        assertThat(step.lines().get(3).reason).isEqualTo("Known name for Card balance");
    }

    @Test
    void after_the_user_changed_the_mapping_back_to_suggestions_puts_the_suggestion_back() {
        MappingStep step = step();
        step.choose(step.lines().get(0), GiftCardField.CARD_NUMBER);
        step.setImported(step.lines().get(4), false);
        assertThat(step.mapping().field(1)).isEmpty();
        assertThat(step.backToSuggestions.isEnabled()).isTrue();

        _click(step.backToSuggestions);

        assertThat(step.lines()).extracting(l -> l.field).containsExactly(null, GiftCardField.CARD_NUMBER,
                GiftCardField.POOL, GiftCardField.BALANCE, GiftCardField.STATUS);
        assertThat(step.lines()).noneMatch(l -> l.changedByUser);
        assertThat(step.lines().get(4).imported).isTrue();
        assertThat(step.backToSuggestions.isEnabled()).isFalse();
    }

    @Test
    void the_mapping_step_speaks_russian() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("ru-RU"));
        MappingStep step = step();

        assertThat(step.backToSuggestions.getText()).isEqualTo("Вернуть предложенное");
        assertThat(step.required.getText()).startsWith("Обязательные поля: ✓ Номер карты ← Код карты");
        assertThat(step.grid.getColumnByKey("field").getHeaderText()).isEqualTo("Поле");
        assertThat(step.lines().get(1).reason).isEqualTo("Известное название поля «Номер карты»");
        assertThat(step.lines().get(0).reason).isEqualTo("Ни одно поле не подходит к этому названию");
    }

    private static MappingStep step() {
        MappingStep step = new MappingStep();
        UI.getCurrent().add(step);
        step.setColumns(HEADERS, ROWS, new AutoMapper().suggest(null, HEADERS, ROWS));
        return step;
    }
}
