package com.giftcardimport.importing.ui;

import static org.awaitility.Awaitility.await;

import com.giftcardimport.base.db.OwnerJdbc;
import com.giftcardimport.base.ui.KaribuTest;
import com.giftcardimport.importing.ImportJobId;
import com.giftcardimport.importing.CheckSummary;
import com.giftcardimport.importing.FileInspection;
import com.giftcardimport.importing.ImportCheckId;
import com.giftcardimport.importing.ImportLaunch;
import com.giftcardimport.importing.ImportTestSupport;
import com.giftcardimport.importing.ImportTestSupport.TestProject;
import com.giftcardimport.importing.LaunchRequest;
import com.giftcardimport.importing.file.StoredFile;
import com.giftcardimport.importing.sniff.SniffResult;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** Karibu tests of the import pages: launching through the real service and waiting for pushed updates. */
abstract class ImportUiTest extends KaribuTest {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Autowired

    FileInspection inspection;

    @Autowired

    ImportLaunch launcher;
    @Autowired
    ImportTestSupport support;
    @Autowired
    OwnerJdbc jdbc;

    /** A project of this test's own, with the arbitrary pool {@code flex} (no CVV); nobody logged in yet. */
    TestProject project;
    /** A prefix that makes this test's card numbers its own. */
    String prefix;

    @BeforeEach
    void newProjectWithFlexPool() {
        project = support.newProject();
        support.arbitraryPool(project.id(), "flex", false);
        prefix = ImportFiles.unique();
    }

    /** Uploads and launches {@code file} as the logged-in project admin, with the suggested mapping. */
    ImportJobId launch(byte[] file, String name) {
        StoredFile stored = inspection.upload(new ByteArrayInputStream(file), name);
        SniffResult sniff = inspection.inspect(stored.id(), Optional.empty(), Optional.empty());
        var mapping = inspection.suggestMapping(stored.id(), sniff.detected()).mapping();
        return launcher.launch(new LaunchRequest(stored, sniff.detected(), mapping, null)).id();
    }

    /** Launches and waits until the job has ended; answers its final status. */
    String launchAndAwait(byte[] file, String name) throws InterruptedException {
        ImportJobId job = launch(file, name);
        lastJob = job;
        return support.awaitEnd(job, TIMEOUT);
    }

    ImportJobId lastJob;

    /**
     * Lets the UI run what the progress bus handed it (Karibu's test thread holds the session lock, so
     * {@code ui.access} tasks wait for a client round trip) until {@code condition} holds.
     */
    void awaitUi(String what, BooleanSupplier condition) {
        await(what).atMost(TIMEOUT).pollInterval(Duration.ofMillis(25)).pollInSameThread().until(() -> {
            MockVaadin.clientRoundtrip(false);
            return condition.getAsBoolean();
        });
    }

    /** Lets step 4's whole-file check run to its end, reading it as the poll does. */
    CheckSummary awaitCheck(CheckPanel panel) {
        ImportCheckId id = panel.check().id();
        awaitUi("the end of check " + id, () -> {
            panel.refresh();
            return !panel.check().running();
        });
        return panel.check();
    }
}
