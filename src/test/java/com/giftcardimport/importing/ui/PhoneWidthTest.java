package com.giftcardimport.importing.ui;

import static com.giftcardimport.base.PhoneScreen.visibleColumns;
import static com.giftcardimport.base.PhoneScreen.windowWidth;
import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.base.ui.KaribuTest;
import org.junit.jupiter.api.Test;

class PhoneWidthTest extends KaribuTest {

    @Test
    void at_390_pixels_the_import_list_keeps_the_file_the_status_the_progress_and_the_counters() {
        login("alice");
        windowWidth(390);

        ImportsView view = navigate(ImportsView.class);

        assertThat(visibleColumns(view.grid)).containsExactly("file", "status", "progress", "rows");
    }

    @Test
    void at_390_pixels_the_audit_keeps_the_project_the_status_and_the_counters() {
        login("maria");
        windowWidth(390);

        AuditView view = navigate(AuditView.class);

        assertThat(visibleColumns(view.grid)).containsExactly("project", "status", "rows");
    }

    @Test
    void on_a_desktop_every_column_shows() {
        login("alice");
        windowWidth(1440);

        ImportsView view = navigate(ImportsView.class);

        assertThat(visibleColumns(view.grid)).containsExactly("launched", "import", "launchedBy", "file", "status",
                "progress", "rows", "duration", "correction");
    }
}
