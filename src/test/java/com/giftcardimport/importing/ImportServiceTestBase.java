package com.giftcardimport.importing;

import com.giftcardimport.base.db.OwnerJdbc;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * What the service tests of {@code importing} share: the application on real PostgreSQL (a subclass may give its
 * own {@code @SpringBootTest} properties), the {@link ImportTestSupport} that makes their projects and files, the
 * use-case services they upload, launch and read imports back with, the owner's SQL, and a logout after each test.
 */
@SpringBootTest
@ActiveProfiles("test")
abstract class ImportServiceTestBase {

    @Autowired
    ImportTestSupport support;
    @Autowired
    FileInspection inspection;
    @Autowired
    ImportLaunch launcher;
    @Autowired
    ImportQueries queries;
    @Autowired
    OwnerJdbc jdbc;

    @AfterEach
    void logout() {
        support.logout();
    }
}
