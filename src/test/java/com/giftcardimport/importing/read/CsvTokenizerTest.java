package com.giftcardimport.importing.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTokenizerTest {

    @Test
    void a_cut_is_reported_as_a_flag_and_never_as_characters_added_to_the_value() throws IOException {
        List<CsvRecord> records = tokenize("abcdefgh,x\n1,2,3,4\nok\n", new ReadLimits(4, 100, 3));
        assertThat(records.get(0).values()).containsExactly("abcd", "x");
        assertThat(records.get(0).cutValues()).containsExactly(0);
        assertThat(records.get(0).cut()).isFalse();
        assertThat(records.get(1).values()).containsExactly("1", "2", "3");
        assertThat(records.get(1).cut()).isTrue();
        assertThat(records.get(1).cutValues()).isEmpty();
        assertThat(records.get(2).whole()).isTrue();
    }

    @Test
    void quotes_delimiters_and_line_breaks_inside_a_quoted_value_are_content() throws IOException {
        List<CsvRecord> records = tokenize("\"a;b\r\nc \"\"d\"\"\";\"e\"f\"g;h\"\"\n", ReadLimits.defaults(), ';');
        assertThat(records).singleElement().satisfies(record ->
                assertThat(record.values()).containsExactly("a;b\r\nc \"d\"", "ef\"g", "h\"\""));
    }

    @Test
    void an_empty_line_is_a_blank_record_and_so_is_one_of_empty_quoted_values_but_not_a_cut_one()
            throws IOException {
        List<CsvRecord> records = tokenize("\n\"\",\" \"\n\u00a0\n      \n", new ReadLimits(3, 100, 10));
        assertThat(records).extracting(CsvRecord::blank).containsExactly(true, true, true, false);
    }

    @Test
    void the_input_ending_inside_a_quoted_value_is_reported_on_the_record_that_opened_it() throws IOException {
        List<CsvRecord> records = tokenize("a,b\n1,\"open\n2,3\n", ReadLimits.defaults());
        assertThat(records).extracting(CsvRecord::unclosedQuote).containsExactly(false, true);
        assertThat(records.get(1).values()).containsExactly("1", "open\n2,3\n");
    }

    @Test
    void a_trailing_delimiter_makes_an_empty_last_value_and_a_last_line_end_makes_no_record() throws IOException {
        assertThat(tokenize("1,\n2,", ReadLimits.defaults())).extracting(CsvRecord::values)
                .containsExactly(List.of("1", ""), List.of("2", ""));
        assertThat(tokenize("", ReadLimits.defaults())).isEmpty();
        assertThat(tokenize("\ufeff", ReadLimits.defaults())).isEmpty();
    }

    private static List<CsvRecord> tokenize(String text, ReadLimits limits) throws IOException {
        return tokenize(text, limits, ',');
    }

    private static List<CsvRecord> tokenize(String text, ReadLimits limits, char delimiter) throws IOException {
        List<CsvRecord> records = new ArrayList<>();
        try (CsvTokenizer tokenizer = new CsvTokenizer(new StringReader(text), delimiter, limits)) {
            for (CsvRecord record = tokenizer.next(); record != null; record = tokenizer.next()) {
                records.add(record);
            }
        }
        return records;
    }
}
