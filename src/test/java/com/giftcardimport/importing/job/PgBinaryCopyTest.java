package com.giftcardimport.importing.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class PgBinaryCopyTest {

    @Autowired
    DataSource dataSource;

    @Test
    void numbers_dates_texts_and_arrays_written_in_binary_read_back_equal_in_postgresql() throws Exception {
        List<String> amounts = List.of("0.00", "0.05", "1.00", "1000.00", "12345678.90", "99999999999999999.99",
                "10000.01", "0.10", "-5.50", "1", "123456789012345678", "0.0001", "1234.5678", "100000000.00",
                "2814749767106.55", "9999.9999", "0", "-0.01", "10000", "20000.000");
        List<Instant> instants = List.of(Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("1999-12-31T23:59:59Z"),
                Instant.parse("2025-06-30T12:34:56.789123Z"), Instant.parse("1970-01-01T00:00:00Z"));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.createStatement().execute("""
                    create temp table binary_copy_check (n bigint, amount numeric, at timestamptz, t text,
                                                         cells text[], b bytea) on commit drop
                    """);
            PgBinaryCopy copy = new PgBinaryCopy(16);
            for (int i = 0; i < amounts.size(); i++) {
                copy.row(6).int8(i).numeric(new BigDecimal(amounts.get(i)))
                        .timestamptz(instants.get(i % instants.size())).text(i == 3 ? null : "Привет, " + i)
                        .textArray(i == 4 ? null : Arrays.asList("a\"b", null, "ü\\", ""))
                        .bytea(new byte[] {(byte) i, 0, (byte) 255});
            }
            int length = copy.finish();
            CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy binary_copy_check from stdin (format binary)");
            in.writeToCopy(copy.buffer(), 0, length);
            assertThat(in.endCopy()).isEqualTo(amounts.size());
            var rs = connection.createStatement().executeQuery(
                    "select n, amount::text, at, t, cells, b from binary_copy_check order by n");
            int i = 0;
            while (rs.next()) {
                assertThat(rs.getString(2)).isEqualTo(new BigDecimal(amounts.get(i)).toPlainString());
                assertThat(rs.getTimestamp(3).toInstant()).isEqualTo(instants.get(i % instants.size()));
                assertThat(rs.getString(4)).isEqualTo(i == 3 ? null : "Привет, " + i);
                if (i == 4) {
                    assertThat(rs.getArray(5)).isNull();
                } else {
                    assertThat((Object[]) rs.getArray(5).getArray()).containsExactly("a\"b", null, "ü\\", "");
                }
                assertThat(rs.getBytes(6)).containsExactly((byte) i, 0, (byte) 255);
                i++;
            }
            assertThat(i).isEqualTo(amounts.size());
            connection.rollback();
        }
    }
}
