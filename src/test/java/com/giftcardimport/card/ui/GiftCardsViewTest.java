package com.giftcardimport.card.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.base.PhoneScreen;
import com.giftcardimport.base.ui.AccessDeniedView;
import com.giftcardimport.base.db.OwnerJdbc;
import com.giftcardimport.base.ui.KaribuTest;
import com.giftcardimport.card.GiftCardStatus;
import com.giftcardimport.importing.FileInspection;
import com.giftcardimport.importing.ImportJobId;
import com.giftcardimport.importing.ImportLaunch;
import com.giftcardimport.importing.ImportTestSupport;
import com.giftcardimport.importing.LaunchRequest;
import com.giftcardimport.importing.file.StoredFile;
import com.giftcardimport.importing.sniff.SniffResult;
import com.giftcardimport.card.MaskedGiftCard;
import com.giftcardimport.pool.Pool;
import com.giftcardimport.pool.PoolDraft;
import com.giftcardimport.pool.PoolId;
import com.giftcardimport.pool.PoolService;
import com.giftcardimport.pool.ValueType;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GiftCardsViewTest extends KaribuTest {

    PoolId pool;
    String systemName;
    /** The numbers of the three cards, the first one usable. */
    List<String> numbers = new ArrayList<>();

    @BeforeEach
    void an_acme_pool_with_three_cards() {
        login("alice");
        systemName = "view-" + UUID.randomUUID().toString().substring(0, 8);
        pool = applicationContext.getBean(PoolService.class).create(
                new PoolDraft(systemName, "View test", ValueType.ARBITRARY, null, false, null, null));
        OwnerJdbc jdbc = applicationContext.getBean(OwnerJdbc.class);
        for (String status : new String[] {"CAN_BE_USED", "INACTIVE", "INACTIVE"}) {
            jdbc.sql("""
                            insert into gift_card (project_id, pool_id, card_number, cvv_encrypted, balance, status)
                            select project_id, id, ?, decode('00', 'hex'), 10, ? from pool where id = ?
                            """)
                    .params(number(), status, pool.value())
                    .update();
        }
    }

    private String number() {
        String number = "N" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "4321";
        numbers.add(number);
        return number;
    }

    @Test
    void the_cards_of_the_current_project_are_loaded_lazily_and_filtered_by_pool_and_status() {
        GiftCardsView view = navigate(GiftCardsView.class);
        assertThat(view.grid.getDataProvider().isInMemory()).isFalse();

        Pool chosen = view.pool.getListDataView().getItems().filter(p -> p.id().equals(pool)).findFirst().orElseThrow();
        _setValue(view.pool, chosen);
        assertThat(GridKt._size(view.grid)).isEqualTo(3);
        assertThat(view.total.getText()).isEqualTo("3 cards");

        _setValue(view.status, GiftCardStatus.INACTIVE);
        assertThat(GridKt._size(view.grid)).isEqualTo(2);
        assertThat(GridKt._findAll(view.grid)).extracting(MaskedGiftCard::status).containsOnly(GiftCardStatus.INACTIVE);
    }

    @Test
    void card_numbers_and_cvvs_are_masked_on_screen() {
        GiftCardsView view = navigate(GiftCardsView.class);
        _setValue(view.pool, view.pool.getListDataView().getItems().filter(p -> p.id().equals(pool)).findFirst()
                .orElseThrow());

        assertThat(GridKt._findAll(view.grid)).extracting(MaskedGiftCard::maskedNumber).containsOnly("••••••4321");
        assertThat(GridKt._findAll(view.grid)).extracting(MaskedGiftCard::cvvMask).containsOnly("•••");
    }

    @Test
    void a_project_admin_finds_cards_by_the_start_of_their_number_or_by_the_whole_number() {
        GiftCardsView view = navigate(GiftCardsView.class);
        assertThat(view.wholeNumber.isEnabled()).isTrue();
        assertThat(view.wholeNumber.getValue()).isFalse();

        _setValue(view.number, numbers.getFirst().substring(0, 9));
        assertThat(GridKt._findAll(view.grid)).hasSize(1);
        _setValue(view.wholeNumber, true);
        assertThat(GridKt._findAll(view.grid)).isEmpty();
        _setValue(view.number, numbers.getFirst());
        assertThat(GridKt._findAll(view.grid)).extracting(MaskedGiftCard::maskedNumber).containsExactly("••••••4321");
        assertThat(view.total.getText()).isEqualTo("1 card");
    }

    @Test
    void a_search_with_characters_no_card_number_has_is_explained_beside_the_field() {
        GiftCardsView view = navigate(GiftCardsView.class);

        _setValue(view.number, "12%34");

        assertThat(view.number.isInvalid()).isTrue();
        assertThat(view.number.getErrorMessage()).isEqualTo("A card number has 1 to 64 letters, digits or '-'");
    }

    @Test
    void an_account_manager_searches_by_the_whole_number_only() {
        login("maria");
        GiftCardsView view = navigate(GiftCardsView.class);

        assertThat(view.wholeNumber.getValue()).isTrue();
        assertThat(view.wholeNumber.isEnabled()).isFalse();
        _setValue(view.number, numbers.getFirst().substring(0, 9));
        assertThat(GridKt._findAll(view.grid)).isEmpty();
        _setValue(view.number, numbers.getFirst());
        assertThat(GridKt._findAll(view.grid)).extracting(MaskedGiftCard::maskedNumber).containsExactly("••••••4321");
    }

    @Test
    void cards_are_filtered_by_the_import_that_created_them_and_only_in_its_project() throws Exception {
        String first = "IMP" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        byte[] file = ("Card number,Pool system name,Card balance\n" + first + "1," + systemName + ",5\n"
                + first + "2," + systemName + ",6\n").getBytes(StandardCharsets.UTF_8);
        ImportJobId job = launch(file);

        UI.getCurrent().navigate("cards", QueryParameters.of("import", job.toString()));
        GiftCardsView view = _get(GiftCardsView.class);
        assertThat(view.importJob.getValue()).isEqualTo(job.toString());
        assertThat(GridKt._findAll(view.grid)).extracting(MaskedGiftCard::balance)
                .extracting(BigDecimal::intValue).containsExactlyInAnyOrder(5, 6);
        _setValue(view.number, first + "2");
        assertThat(GridKt._findAll(view.grid)).hasSize(1);

        login("bob");
        GiftCardsView other = navigate(GiftCardsView.class);
        _setValue(other.importJob, job.toString());
        assertThat(GridKt._findAll(other.grid)).isEmpty();
        assertThat(other.total.getText()).isEqualTo("0 cards");
    }

    @Test
    void the_gift_cards_speak_russian() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("ru-RU"));
        GiftCardsView view = navigate(GiftCardsView.class);
        _setValue(view.number, numbers.getFirst());

        assertThat(view.number.getLabel()).isEqualTo("Номер карты");
        assertThat(view.total.getText()).isEqualTo("1 карта");
        assertThat(GridKt._getFormattedRow(view.grid, 0)).contains("Можно использовать");
    }

    private ImportJobId launch(byte[] file) {
        FileInspection inspection = applicationContext.getBean(FileInspection.class);
        StoredFile stored = inspection.upload(new ByteArrayInputStream(file), "cards.csv");
        SniffResult sniff = inspection.inspect(stored.id(), Optional.empty(), Optional.empty());
        ImportJobId job = applicationContext.getBean(ImportLaunch.class).launch(new LaunchRequest(stored,
                sniff.detected(), inspection.suggestMapping(stored.id(), sniff.detected()).mapping(), null)).id();
        assertThat(applicationContext.getBean(ImportTestSupport.class).awaitEnd(job, Duration.ofSeconds(60)))
                .isEqualTo("COMPLETED");
        return job;
    }

    @Test
    void at_390_pixels_the_cards_keep_their_number_balance_and_status() {
        PhoneScreen.windowWidth(390);

        GiftCardsView view = navigate(GiftCardsView.class);

        assertThat(PhoneScreen.visibleColumns(view.grid)).containsExactly("number", "balance", "status");
    }

    @Test
    void an_account_manager_may_open_the_gift_cards() {
        login("maria");

        GiftCardsView view = navigate(GiftCardsView.class);

        assertThat(view.pool.getListDataView().getItems().map(Pool::id)).contains(pool);
    }

    @Test
    void a_platform_admin_without_membership_may_not_open_the_gift_cards() {
        login("root");

        UI.getCurrent().navigate("cards");
        // a page that says so (base/ui/AccessDeniedView), not the exception
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(AccessDeniedView.class);
    }
}
