package com.giftcardimport.card;

import com.giftcardimport.pool.Pool;
import com.giftcardimport.pool.PoolService;
import com.giftcardimport.project.ProjectId;
import com.giftcardimport.security.CurrentTenant;
import com.giftcardimport.security.Tenant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gift cards of the current project, page by page, for members (project admins and account managers), found by
 * number (account managers by the whole number only) and filtered by pool, status and import. Card
 * numbers leave the database already masked and CVVs are never read: a list only says whether one exists.
 */
@Service
@Transactional(readOnly = true)
public class GiftCardService {

    /** What replaces the hidden part of a card number. */
    public static final String MASK = "••••••";
    /** What stands for a stored CVV. */
    public static final String CVV_MASK = "•••";
    /** At most this many cards per page. */
    public static final int MAX_PAGE_SIZE = 500;

    private final CurrentTenant current;
    private final PoolService pools;
    private final GiftCardRepository cards;

    GiftCardService(CurrentTenant current, PoolService pools, GiftCardRepository cards) {
        this.current = current;
        this.pools = pools;
        this.cards = cards;
    }

    /**
     * One page of the current project's cards matching {@code filter}, newest first. The last four characters of
     * the card number stay visible, but never more than half of it ({@code 123} shows as {@code ••••••3}).
     *
     * @param limit at most {@link #MAX_PAGE_SIZE}
     */
    @Transactional(readOnly = true)
    public List<MaskedGiftCard> page(GiftCardFilter filter, int offset, int limit) {
        ProjectId project = enter(filter);
        return cards.page(project, orAll(filter), Math.max(offset, 0), Math.clamp(limit, 0, MAX_PAGE_SIZE));
    }

    /** How many of the current project's cards match {@code filter}. */
    @Transactional(readOnly = true)
    public long count(GiftCardFilter filter) {
        return cards.count(enter(filter), orAll(filter));
    }

    /**
     * Whether the caller may search by the start of a card number: project admins only. An account manager sees
     * numbers masked, and a search by their start would tell the hidden digits one by one; they search by the
     * whole number.
     */
    public boolean maySearchByPrefix() {
        return current.enterAsMember().isAdmin();
    }

    /** Enters the current project as a member; a search by the start of a number needs a project admin. */
    private ProjectId enter(GiftCardFilter filter) {
        Tenant tenant = current.enterAsMember();
        if (filter != null && filter.number() != null && !filter.number().exact() && !tenant.isAdmin()) {
            throw new AccessDeniedException("Account managers search by the whole card number");
        }
        return tenant.projectId();
    }

    /**
     * Those of {@code numbers} that a card of the current project already has (project admins, who import): the
     * import's preview marks them as taken before anything is loaded.
     */
    public Set<String> takenNumbers(Collection<String> numbers) {
        return cards.takenNumbers(current.enterAsAdmin().projectId(), numbers);
    }

    /** The pools of the current project, to filter by. */
    public List<Pool> pools() {
        return pools.all();
    }

    private static GiftCardFilter orAll(GiftCardFilter filter) {
        return filter == null ? GiftCardFilter.all() : filter;
    }
}
