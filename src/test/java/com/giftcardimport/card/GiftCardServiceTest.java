package com.giftcardimport.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.giftcardimport.base.TestLogins;
import com.giftcardimport.base.db.OwnerJdbc;
import com.giftcardimport.pool.PoolDraft;
import com.giftcardimport.pool.PoolId;
import com.giftcardimport.pool.PoolService;
import com.giftcardimport.pool.ValueType;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GiftCardServiceTest {

    @Autowired
    GiftCardService cards;
    @Autowired
    PoolService pools;
    @Autowired
    UserDetailsService users;
    @Autowired
    OwnerJdbc jdbc;

    PoolId pool;
    String prefix;
    String longNumber;
    String shortNumber;
    String dashedNumber;

    @BeforeAll
    void an_acme_pool_with_three_cards() {
        TestLogins.login(users, "alice");
        prefix = UUID.randomUUID().toString().substring(0, 8);
        pool = pools.create(new PoolDraft("cards-" + prefix, "Cards " + prefix, ValueType.FIXED,
                new BigDecimal("50"), true, null, null));
        longNumber = "9" + Math.abs(prefix.hashCode()) + "345678";
        shortNumber = "z" + prefix.substring(0, 2);
        dashedNumber = "ABC-" + prefix + "-5678";
        insertCard(longNumber, "CAN_BE_USED", true);
        insertCard(shortNumber, "INACTIVE", false);
        insertCard(dashedNumber, "BLOCKED", true);
    }

    @BeforeEach
    void alice_is_logged_in() {
        TestLogins.login(users, "alice");
    }

    @AfterEach
    void logout() {
        TestLogins.logout();
    }

    @Test
    void cards_are_listed_newest_first_with_the_number_masked_and_the_cvv_never_shown() {
        List<MaskedGiftCard> page = cards.page(new GiftCardFilter(pool, null), 0, 10);

        assertThat(page).extracting(MaskedGiftCard::maskedNumber)
                .containsExactly("••••••5678", "••••••" + shortNumber.substring(2), "••••••5678");
        assertThat(page).extracting(MaskedGiftCard::cvvMask).containsExactly("•••", "", "•••");
        assertThat(page).extracting(MaskedGiftCard::status)
                .containsExactly(GiftCardStatus.BLOCKED, GiftCardStatus.INACTIVE, GiftCardStatus.CAN_BE_USED);
        assertThat(page).extracting(MaskedGiftCard::poolSystemName).containsOnly("cards-" + prefix);
        assertThat(page.toString()).doesNotContain(longNumber, dashedNumber, "deadbeef");
    }

    @Test
    void statuses_are_shown_as_can_be_used_inactive_and_blocked() {
        assertThat(GiftCardStatus.CAN_BE_USED.label()).isEqualTo("CanBeUsed");
        assertThat(GiftCardStatus.INACTIVE.label()).isEqualTo("Inactive");
        assertThat(GiftCardStatus.BLOCKED.label()).isEqualTo("Blocked");
    }

    @Test
    void cards_are_filtered_by_pool_and_status() {
        GiftCardFilter byPool = GiftCardFilter.all().withPool(pool);

        assertThat(cards.count(byPool)).isEqualTo(3);
        assertThat(cards.count(byPool.withStatus(GiftCardStatus.CAN_BE_USED))).isEqualTo(1);
        assertThat(cards.page(byPool.withStatus(GiftCardStatus.INACTIVE), 0, 10))
                .extracting(MaskedGiftCard::status).containsExactly(GiftCardStatus.INACTIVE);
        assertThat(cards.count(GiftCardFilter.all())).isGreaterThanOrEqualTo(3);
    }

    @Test
    void cards_come_page_by_page() {
        GiftCardFilter byPool = GiftCardFilter.all().withPool(pool);

        List<MaskedGiftCard> first = cards.page(byPool, 0, 2);
        List<MaskedGiftCard> second = cards.page(byPool, 2, 2);

        assertThat(first).hasSize(2);
        assertThat(second).hasSize(1);
        assertThat(first).doesNotContainAnyElementsOf(second);
    }

    @Test
    void an_account_manager_may_list_the_cards_masked_too() {
        TestLogins.login(users, "maria");

        List<MaskedGiftCard> page = cards.page(GiftCardFilter.all().withPool(pool), 0, 10);

        assertThat(page).hasSize(3);
        assertThat(page).extracting(MaskedGiftCard::maskedNumber).allMatch(n -> n.startsWith("••••••"));
        assertThat(page).extracting(MaskedGiftCard::cvvMask).containsOnly("•••", "");
    }

    @Test
    void an_admin_of_another_project_sees_none_of_these_cards_even_by_naming_their_pool() {
        TestLogins.login(users, "bob");

        assertThat(cards.count(GiftCardFilter.all().withPool(pool))).isZero();
        assertThat(cards.page(GiftCardFilter.all().withPool(pool), 0, 10)).isEmpty();
        assertThat(cards.page(GiftCardFilter.all(), 0, 500)).extracting(MaskedGiftCard::poolId).doesNotContain(pool);
        assertThat(cards.pools()).extracting(p -> p.id()).doesNotContain(pool);
    }

    @Test
    void nobody_logged_in_gets_no_cards() {
        TestLogins.logout();

        assertThatThrownBy(() -> cards.page(GiftCardFilter.all(), 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> cards.count(GiftCardFilter.all())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_card_is_found_by_its_whole_number_or_by_its_start() {
        GiftCardFilter byPool = GiftCardFilter.all().withPool(pool);

        assertThat(cards.page(GiftCardFilter.all().withNumber(new CardNumberSearch(" " + dashedNumber + " ", true)),
                0, 10)).extracting(MaskedGiftCard::maskedNumber).containsExactly("••••••5678");
        assertThat(cards.count(GiftCardFilter.all().withNumber(new CardNumberSearch("ABC-" + prefix, false))))
                .isEqualTo(1);
        assertThat(cards.count(GiftCardFilter.all().withNumber(new CardNumberSearch("ABC-" + prefix, true))))
                .isZero();
        assertThat(cards.count(byPool.withNumber(new CardNumberSearch(shortNumber.substring(0, 2), false))))
                .isEqualTo(1);
        assertThat(cards.count(byPool.withNumber(new CardNumberSearch(longNumber, false)))).isEqualTo(1);
        assertThat(cards.count(byPool.withNumber(new CardNumberSearch(dashedNumber.toLowerCase(), true)))).isZero();
        assertThat(cards.count(byPool.withNumber(new CardNumberSearch("ABC-", false))
                .withStatus(GiftCardStatus.BLOCKED))).isEqualTo(1);
        assertThat(cards.count(byPool.withNumber(new CardNumberSearch("ABC-", false))
                .withStatus(GiftCardStatus.INACTIVE))).isZero();
    }

    @Test
    void a_search_is_made_of_what_a_card_number_may_hold() {
        assertThatThrownBy(() -> new CardNumberSearch("12%", false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CardNumberSearch("1_2", false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CardNumberSearch("  ", true)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new CardNumberSearch("AB9", false).upperBound()).isEqualTo("AB:");
    }

    @Test
    void an_account_manager_finds_a_card_by_its_whole_number_but_never_by_its_start() {
        TestLogins.login(users, "maria");

        assertThat(cards.count(GiftCardFilter.all().withNumber(new CardNumberSearch(dashedNumber, true))))
                .isEqualTo(1);
        assertThat(cards.maySearchByPrefix()).isFalse();
        assertThatThrownBy(() -> cards.count(GiftCardFilter.all().withNumber(new CardNumberSearch("ABC", false))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> cards.page(GiftCardFilter.all().withNumber(new CardNumberSearch("ABC", false)),
                0, 10)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void another_project_finds_none_of_these_cards_by_number() {
        TestLogins.login(users, "bob");

        assertThat(cards.count(GiftCardFilter.all().withNumber(new CardNumberSearch(dashedNumber, true)))).isZero();
        assertThat(cards.count(GiftCardFilter.all().withNumber(new CardNumberSearch("ABC-" + prefix, false))))
                .isZero();
    }

    @Test
    void the_start_of_a_number_is_searched_through_an_index() throws Exception {
        List<String> plan = new ArrayList<>();
        try (Connection connection = jdbc.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("set enable_seqscan = off");
            try (ResultSet rows = statement.executeQuery("explain select id from gift_card where project_id = 1"
                    + " and card_number ~>=~ 'ABC-' and card_number ~<~ 'ABC.'")) {
                while (rows.next()) {
                    plan.add(rows.getString(1));
                }
            }
            statement.execute("reset enable_seqscan");
        }

        assertThat(String.join("\n", plan)).contains("gift_card_number_pattern_idx").doesNotContain("Seq Scan");
    }

    private void insertCard(String number, String status, boolean withCvv) {
        jdbc.sql("""
                        insert into gift_card (project_id, pool_id, card_number, cvv_encrypted, balance, status)
                        select project_id, id, ?, case when ? then decode('deadbeef', 'hex') end, 50, ?
                          from pool where id = ?
                        """)
                .params(number, withCvv, status, pool.value()).update();
    }
}
