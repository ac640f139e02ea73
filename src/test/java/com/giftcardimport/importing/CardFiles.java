package com.giftcardimport.importing;

import com.giftcardimport.base.db.OwnerJdbc;
import com.giftcardimport.importing.ImportTestSupport.TestProject;
import com.giftcardimport.importing.file.StoredFile;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Files of both actions for the service tests of status updates and undos: launched through the use-case services
 * as the logged-in person, awaited to their end, and the project's cards read back.
 */
@Component
public class CardFiles {

    public static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** The header of a file of cards to add, mapped by {@link #ADD}. */
    public static final String CARDS = "Card number,Pool system name,Card balance,Gift card status\n";
    public static final ColumnMapping ADD = ColumnMapping.of(Map.of(0, GiftCardField.CARD_NUMBER,
            1, GiftCardField.POOL, 2, GiftCardField.BALANCE, 3, GiftCardField.STATUS), 4);
    /** The mapping of a file of card numbers and statuses. */
    public static final ColumnMapping UPDATE = ColumnMapping.of(Map.of(0, GiftCardField.CARD_NUMBER,
            1, GiftCardField.STATUS), 2);

    private final FileInspection inspection;
    private final ImportLaunch launcher;
    private final ImportQueries queries;
    private final ImportTestSupport support;
    private final OwnerJdbc jdbc;

    CardFiles(FileInspection inspection, ImportLaunch launcher, ImportQueries queries, ImportTestSupport support,
              OwnerJdbc jdbc) {
        this.inspection = inspection;
        this.launcher = launcher;
        this.queries = queries;
        this.support = support;
        this.jdbc = jdbc;
    }

    /** Imports {@code csv} (UTF-8, commas) with {@code action} and waits for its end. */
    public ImportSummary run(String csv, ImportAction action, ColumnMapping mapping) {
        ImportJobId id = launcher.launch(new LaunchRequest(upload(csv), utf8(), mapping, null, action)).id();
        support.awaitEnd(id, TIMEOUT);
        return queries.get(id);
    }

    public StoredFile upload(String csv) {
        return inspection.upload(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "file.csv");
    }

    public static FileFormat utf8() {
        return new FileFormat(StandardCharsets.UTF_8, ',');
    }

    /** The project's cards as {@code number=STATUS}, by number; empty when it has none. */
    public String cards(TestProject project) {
        return jdbc.sql("""
                        select coalesce(string_agg(card_number || '=' || status, ' ' order by card_number), '')
                          from gift_card where project_id = ?
                        """)
                .param(project.id().value()).query(String.class).single();
    }
}
