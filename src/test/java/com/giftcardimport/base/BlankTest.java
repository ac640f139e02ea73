package com.giftcardimport.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BlankTest {

    @Test
    void every_kind_of_space_and_the_byte_order_mark_are_blank() {
        assertThat(chars("\u0020\t\r\n\u00a0\u202f\u2007\u2009\u3000\ufeff")).allMatch(Blank::isBlank);
    }

    @Test
    void letters_digits_zero_width_joiners_and_punctuation_are_not_blank() {
        assertThat(chars("a0-.\u200d_")).noneMatch(Blank::isBlank);
    }

    @Test
    void a_missing_or_empty_value_is_blank_and_one_visible_character_is_not() {
        assertThat(Blank.isBlank((CharSequence) null)).isTrue();
        assertThat(Blank.isBlank("")).isTrue();
        assertThat(Blank.isBlank("\u00a0 5\u202f")).isFalse();
    }

    private static List<String> chars(String s) {
        return s.chars().mapToObj(Character::toString).toList();
    }
}
