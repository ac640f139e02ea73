package com.giftcardimport.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.pool.Pool;
import com.giftcardimport.pool.Validity;
import com.giftcardimport.importing.mapping.AutoMapper;
import com.giftcardimport.importing.mapping.MappingSuggestion;
import com.giftcardimport.importing.read.CsvRowReader;
import com.giftcardimport.importing.read.ReadLimits;
import com.giftcardimport.importing.sniff.FileSniffer;
import com.giftcardimport.importing.sniff.SniffResult;
import com.giftcardimport.importing.validate.InvalidRow;
import com.giftcardimport.importing.validate.TestPools;
import com.giftcardimport.importing.validate.RowOutcome;
import com.giftcardimport.importing.validate.RowValidator;
import com.giftcardimport.importing.validate.ValidCard;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The front half end to end, as the back half drives it: sniff, map, read, validate. */
class FrontHalfPipelineTest {

    static final Clock NOW = Clock.fixed(Instant.parse("2025-06-15T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void a_windows_1251_semicolon_file_from_a_russian_spreadsheet_becomes_cards_and_explained_errors()
            throws IOException {
        String csv = "Номер карты;Системное имя пула;CVV;Номинал;Точка контакта;Дата покупки;Статус\r\n"
                + "0001;gold-1000;007;1 000,00;Магазин №1;31.01.2024 10:00;Активна\r\n"
                + "\r\n"
                + "7,003E+15;gold-1000;123;1000;;;\r\n"
                + "0003;\"flex\";;250,5;\"Москва; ТЦ \"\"Европейский\"\"\r\n2 этаж\";2025-02-30;Продана\r\n"
                + "0004;globex-only;;10;;;\r\n"
                + "0005;flex;;10;;2026-01-01;\r\n";
        Path file = dir.resolve("cards.csv");
        Files.write(file, csv.getBytes(Charset.forName("windows-1251")));

        SniffResult sniff = new FileSniffer().sniff(file);
        assertThat(sniff.problems()).isEmpty();
        assertThat(sniff.detected()).isEqualTo(new FileFormat(Charset.forName("windows-1251"), ';'));
        assertThat(sniff.estimatedRows()).isEqualTo(5);

        MappingSuggestion suggestion = new AutoMapper().suggest(null, sniff.headers(), sniff.sampleRows());
        assertThat(suggestion.mapping().problems()).isEmpty();

        Map<String, Pool> pools = Map.of(
                "gold-1000", TestPools.fixed(1, "gold-1000", "1000.00", true, Validity.months(12)),
                "flex", TestPools.arbitrary(2, "flex", false));
        List<RowOutcome> outcomes = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file);
             CsvRowReader reader = CsvRowReader.open(in, sniff.detected(), ReadLimits.defaults())) {
            RowValidator validator = new RowValidator(suggestion.mapping(), reader.header(), pools, NOW);
            reader.forEachRemaining(row -> outcomes.add(validator.validate(row)));
        }

        assertThat(outcomes).extracting(RowOutcome::rowNumber).containsExactly(2L, 4L, 5L, 6L, 7L);
        ValidCard first = (ValidCard) outcomes.getFirst();
        assertThat(first.cardNumber()).isEqualTo("0001");
        assertThat(first.cvv()).isEqualTo("007");
        assertThat(first.pointOfContact()).isEqualTo("Магазин №1");
        assertThat(first.expiresAt()).isEqualTo(Instant.parse("2025-01-31T10:00:00Z"));
        assertThat(first.status()).isEqualTo("CAN_BE_USED");

        assertThat(codes(outcomes.get(1))).containsExactly(RowErrorCodes.CARD_NUMBER_SCIENTIFIC_NOTATION);
        assertThat(codes(outcomes.get(2))).containsExactly(RowErrorCodes.PURCHASE_DATE_IMPOSSIBLE,
                RowErrorCodes.STATUS_UNKNOWN);
        assertThat(((InvalidRow) outcomes.get(2)).errors().getFirst().column()).isEqualTo("Дата покупки");
        assertThat(codes(outcomes.get(3))).containsExactly(RowErrorCodes.POOL_NOT_FOUND);
        assertThat(codes(outcomes.get(4))).containsExactly(RowErrorCodes.PURCHASE_DATE_IN_FUTURE);
    }

    private static List<String> codes(RowOutcome outcome) {
        return ((InvalidRow) outcome).errors().stream().map(RowError::code).toList();
    }
}
