package com.giftcardimport.importing;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.giftcardimport.importing.ImportTestSupport.TestProject;
import com.giftcardimport.importing.file.StoredFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * SPEC §3: a CVV is never shown in full in logs. Everything the application logs (at DEBUG) while a file with
 * valid and invalid CVVs is uploaded, inspected, previewed, imported and reported on is searched for the CVVs.
 */
class CvvNeverLoggedTest extends ImportServiceTestBase {

    /** Distinctive values: a valid 4-digit CVV, one with a letter, one too long. */
    private static final List<String> CVVS = List.of("7391", "73q9", "739155");

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Logger root;
    private Level rootLevel;
    private Logger application;
    private Level applicationLevel;

    @BeforeEach
    void captureEverythingLogged() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        application = (Logger) LoggerFactory.getLogger("com.giftcardimport");
        rootLevel = root.getLevel();
        applicationLevel = application.getLevel();
        root.setLevel(Level.INFO);
        application.setLevel(Level.DEBUG);
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void stopCapturing() {
        root.detachAppender(captured);
        root.setLevel(rootLevel);
        application.setLevel(applicationLevel);
        support.logout();
    }

    @Test
    void no_cvv_of_an_imported_file_appears_in_any_log_message() throws Exception {
        TestProject project = support.newProject();
        support.arbitraryPool(project.id(), "cvv-pool", true);
        support.loginAs(project.admin(), project.id());
        String csv = "Card number,Pool system name,Gift card CVV,Card balance\n"
                + "L-1,cvv-pool," + CVVS.get(0) + ",10\n"
                + "L-2,cvv-pool," + CVVS.get(1) + ",10\n"
                + "L-3,cvv-pool," + CVVS.get(2) + ",10\n";
        StoredFile file = inspection.upload(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "cvv.csv");
        FileFormat format = inspection.inspect(file.id(), Optional.empty(), Optional.empty()).detected();
        ColumnMapping mapping = ColumnMapping.of(Map.of(0, GiftCardField.CARD_NUMBER, 1, GiftCardField.POOL,
                2, GiftCardField.CVV, 3, GiftCardField.BALANCE), 4);
        inspection.preview(file.id(), format, mapping, 10);
        ImportJobId job = launcher.launch(new LaunchRequest(file, format, mapping, null)).id();
        assertThat(support.awaitEnd(job, Duration.ofSeconds(60))).isEqualTo("COMPLETED_WITH_ERRORS");
        queries.errors(job, 0, 10);
        queries.writeErrorReport(job, new ByteArrayOutputStream());

        assertThat(captured.list).as("something was logged").isNotEmpty();
        for (ILoggingEvent event : captured.list) {
            String logged = event.getFormattedMessage() + throwableText(event.getThrowableProxy());
            for (String cvv : CVVS) {
                assertThat(logged).as("logged by " + event.getLoggerName()).doesNotContain(cvv);
            }
        }
    }

    private static String throwableText(IThrowableProxy throwable) {
        StringBuilder text = new StringBuilder();
        for (IThrowableProxy t = throwable; t != null; t = t.getCause()) {
            text.append(' ').append(t.getClassName()).append(": ").append(t.getMessage());
        }
        return text.toString();
    }
}
