package com.giftcardimport.api;

import static com.giftcardimport.importing.Workbooks.row;
import static com.giftcardimport.importing.Workbooks.sheet;
import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.api.ApiClient.FilePart;
import com.giftcardimport.api.ApiClient.Response;
import com.giftcardimport.importing.Workbooks;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An Excel workbook sent to {@code POST /api/v1/imports}: read from its first visible sheet, mapped and imported. */
class WorkbookApiTest extends ApiTestBase {

    @Test
    void an_xlsx_uploaded_over_the_api_is_imported_from_its_first_sheet_with_row_errors_by_sheet_row() {
        String prefix = "XL" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        byte[] workbook = Workbooks.xlsx(
                sheet("Cards", row("Card number", "Pool system name", "Card balance", "Card purchase date (UTC)"),
                        row(prefix + "-1", "flex", 10.5, LocalDate.of(2024, 5, 31)),
                        row(prefix + "-2", "nowhere", 5, null),
                        row(prefix + "-3", "flex", 1000, null)),
                sheet("Notes", row("not read")));

        Response created = acme.postMultipart("/api/v1/imports",
                Map.of("file", new FilePart("cards.xlsx", workbook)), Map.of());

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        JsonNode done = awaitEnd(id);
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(done.get("importedRows").asLong()).isEqualTo(2);
        assertThat(done.get("failedRows").asLong()).isEqualTo(1);
        JsonNode errors = acme.get("/api/v1/imports/" + id + "/errors").json();
        assertThat(errors.toString()).contains("\"rowNumber\":3").contains("POOL_NOT_FOUND");
    }
}
