package com.giftcardimport.importing.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

class SeenNumbersTest {

    @Test
    void a_number_met_again_answers_the_first_row_that_had_it() {
        SeenNumbers seen = new SeenNumbers(4 << 20);

        assertThat(seen.remember("4000123412341234", 2)).isEqualTo(SeenNumbers.FIRST);
        assertThat(seen.remember("4000123412341235", 3)).isEqualTo(SeenNumbers.FIRST);
        assertThat(seen.remember("4000123412341234", 7)).isEqualTo(2);
        assertThat(seen.remember("4000123412341234", 9)).isEqualTo(2);
        assertThat(seen.remember("GC-0001", 10)).isEqualTo(SeenNumbers.FIRST);
        assertThat(seen.remember("GC-0001", 11)).isEqualTo(10);
        assertThat(seen.size()).isEqualTo(3);
    }

    @Test
    void numbers_that_differ_only_in_leading_zeros_or_length_are_different_numbers() {
        SeenNumbers seen = new SeenNumbers(4 << 20);

        assertThat(seen.remember("7", 2)).isEqualTo(SeenNumbers.FIRST);
        assertThat(seen.remember("07", 3)).isEqualTo(SeenNumbers.FIRST);
        assertThat(seen.remember("007", 4)).isEqualTo(SeenNumbers.FIRST);
        assertThat(seen.remember("9999999999999999999", 5)).isEqualTo(SeenNumbers.FIRST);
        assertThat(seen.remember("99999999999999999999", 6)).isEqualTo(SeenNumbers.FIRST);
        assertThat(seen.remember("0999999999999999999", 7)).isEqualTo(SeenNumbers.FIRST);
        assertThat(seen.remember("07", 8)).isEqualTo(3);
        assertThat(seen.remember("9999999999999999999", 9)).isEqualTo(5);
    }

    @Test
    void every_digit_string_up_to_eighteen_digits_has_its_own_positive_code_and_others_have_none() {
        assertThat(SeenNumbers.digitsCode("0")).isNotEqualTo(SeenNumbers.digitsCode("00")).isPositive();
        assertThat(SeenNumbers.digitsCode("9")).isNotEqualTo(SeenNumbers.digitsCode("10"));
        assertThat(SeenNumbers.digitsCode("999999999999999999")).isPositive()
                .isGreaterThan(SeenNumbers.digitsCode("99999999999999999"));
        assertThat(SeenNumbers.digitsCode("12a4")).isZero();
        assertThat(SeenNumbers.digitsCode("")).isZero();
        assertThat(SeenNumbers.digitsCode("1234567890123456789")).isZero();
    }

    @Test
    void many_numbers_of_digits_and_of_letters_are_all_found_again_after_the_table_grows() {
        SeenNumbers seen = new SeenNumbers(64L << 20);
        for (long i = 0; i < 200_000; i++) {
            assertThat(seen.remember(Long.toString(4_000_000_000_000_000L + i * 7919), 2 * i + 2))
                    .isEqualTo(SeenNumbers.FIRST);
            assertThat(seen.remember("GC-" + (1_000_000_000_000L + i * 7919) + "-" + i, 2 * i + 3))
                    .isEqualTo(SeenNumbers.FIRST);
        }
        for (long i = 0; i < 200_000; i += 997) {
            assertThat(seen.remember(Long.toString(4_000_000_000_000_000L + i * 7919), 1_000_000))
                    .isEqualTo(2 * i + 2);
            assertThat(seen.remember("GC-" + (1_000_000_000_000L + i * 7919) + "-" + i, 1_000_000))
                    .isEqualTo(2 * i + 3);
        }
        assertThat(seen.size()).isEqualTo(400_000);
        assertThat(seen.isFull()).isFalse();
    }

    @Test
    void a_number_too_long_to_keep_in_memory_is_left_to_the_database_without_filling_the_memory() {
        SeenNumbers seen = new SeenNumbers(4 << 20);
        String long4ByteChars = "\uD83D\uDE00".repeat(64);

        assertThat(seen.remember(long4ByteChars, 2)).isEqualTo(SeenNumbers.FULL);
        assertThat(seen.remember(long4ByteChars, 3)).isEqualTo(SeenNumbers.FULL);
        assertThat(seen.isFull()).isFalse();
        assertThat(seen.remember("123", 4)).isEqualTo(SeenNumbers.FIRST);
    }

    @Test
    void past_its_budget_it_answers_full_for_new_numbers_and_still_finds_the_ones_it_holds() {
        // 1,024 slots of 12 bytes fit in 16 KB, 2,048 do not: room for three quarters of 1,024 numbers
        SeenNumbers seen = new SeenNumbers(16 << 10);
        int held = 0;
        long row = 2;
        while (seen.remember(Long.toString(5_000_000 + row), row) == SeenNumbers.FIRST) {
            held++;
            row++;
        }

        assertThat(held).isEqualTo(768);
        assertThat(seen.isFull()).isTrue();
        assertThat(seen.remember("5000002", 5000)).isEqualTo(2);
        assertThat(seen.remember("GC-0001", 5001)).isEqualTo(SeenNumbers.FULL);
        assertThat(seen.remember(Long.toString(5_000_000 + row), 5002)).isEqualTo(SeenNumbers.FULL);
    }

    @Test
    void the_default_budget_of_64_mb_holds_three_million_card_numbers_or_one_and_a_half_million_codes() {
        assertThat(heldWithin(64 << 20, i -> Long.toString(4_000_000_000_000_000L + i))).isEqualTo(3_145_728);
        assertThat(heldWithin(64 << 20, i -> "GC-" + (1_000_000_000_000L + i) + "-" + i % 100_000))
                .isEqualTo(1_572_864);
    }

    private static int heldWithin(long budget, LongFunction<String> number) {
        SeenNumbers seen = new SeenNumbers(budget);
        long row = 2;
        while (seen.remember(number.apply(row), row) == SeenNumbers.FIRST) {
            row++;
        }
        return seen.size();
    }
}
