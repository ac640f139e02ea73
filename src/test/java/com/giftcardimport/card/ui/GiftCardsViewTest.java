package com.giftcardimport.card.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.base.ui.AccessDeniedView;
import com.giftcardimport.base.db.OwnerJdbc;
import com.giftcardimport.base.ui.KaribuTest;
import com.giftcardimport.card.GiftCardStatus;
import com.giftcardimport.card.MaskedGiftCard;
import com.giftcardimport.pool.Pool;
import com.giftcardimport.pool.PoolDraft;
import com.giftcardimport.pool.PoolId;
import com.giftcardimport.pool.PoolService;
import com.giftcardimport.pool.ValueType;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GiftCardsViewTest extends KaribuTest {

    PoolId pool;
    String systemName;

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
                    .params("N" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "4321", status,
                            pool.value())
                    .update();
        }
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
