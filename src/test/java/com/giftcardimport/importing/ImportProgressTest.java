package com.giftcardimport.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.project.ProjectId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What an import's bar shows: a completed import is full, a stopped one shows what it did. */
class ImportProgressTest {

    private static ImportProgress progress(ImportStatus status, long imported, long failed, Long total) {
        return new ImportProgress(new ProjectId(1), new ImportJobId(1), status, imported, failed, total, 0,
                Instant.EPOCH);
    }

    @Test
    void a_cancelled_or_failed_import_shows_the_share_of_rows_it_handled_before_it_stopped() {
        assertThat(progress(ImportStatus.CANCELLED, 300, 100, 1000L).fraction()).isEqualTo(0.4);
        assertThat(progress(ImportStatus.FAILED, 250, 0, 1000L).fraction()).isEqualTo(0.25);
        assertThat(progress(ImportStatus.CANCELLED, 0, 0, null).fraction()).isZero();
    }

    @Test
    void a_completed_import_is_full_whatever_its_counters() {
        assertThat(progress(ImportStatus.COMPLETED, 10, 0, 10L).fraction()).isEqualTo(1.0);
        assertThat(progress(ImportStatus.COMPLETED_WITH_ERRORS, 0, 10, null).fraction()).isEqualTo(1.0);
    }
}
