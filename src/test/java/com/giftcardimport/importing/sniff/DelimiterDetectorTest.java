package com.giftcardimport.importing.sniff;

import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.importing.read.ReadLimits;
import org.junit.jupiter.api.Test;

class DelimiterDetectorTest {

    @Test
    void rows_are_counted_as_the_reader_reads_them_so_rows_it_skips_as_blank_do_not_vote() {
        // read with ',' the rows of empty quoted values are blank and skipped, so they must not make ',' win
        String text = "number;comment,note\nA1;x\n\"\",\"\"\n\"\",\"\"\n";
        assertThat(DelimiterDetector.detect(text, ReadLimits.defaults())).isEqualTo(';');
    }

    @Test
    void a_quoted_value_spanning_lines_is_one_row_for_the_detection_too() {
        String text = "number,comment,balance\nA1,\"one;two\nthree;four;five\",10\nA2,x,20\n";
        assertThat(DelimiterDetector.detect(text, ReadLimits.defaults())).isEqualTo(',');
    }

    @Test
    void decimal_commas_in_a_semicolon_file_do_not_make_it_a_comma_file() {
        String text = "Номер;Баланс\nA1;1 000,50\nA2;10\nA3;2,5\n";
        assertThat(DelimiterDetector.detect(text, ReadLimits.defaults())).isEqualTo(';');
    }
}
