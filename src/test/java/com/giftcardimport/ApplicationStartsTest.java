package com.giftcardimport;

import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.base.db.OwnerJdbc;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class ApplicationStartsTest {

    @Autowired
    OwnerJdbc jdbc;

    @Test
    void the_changelog_applies_to_an_empty_database_and_the_context_starts() {
        assertThat(jdbc.sql("select count(*) from databasechangelog").query(Integer.class).single()).isPositive();
        assertThat(jdbc.sql("select to_regclass('gift_card') is not null").query(Boolean.class).single()).isTrue();
    }

    @Test
    void the_embedded_default_seeds_the_demo_projects_acme_and_globex() {
        // contains, not containsExactly: other tests of the same JVM create projects of their own
        assertThat(jdbc.sql("select slug from project order by slug").query(String.class).list())
                .contains("acme", "globex");
    }
}
