package com.giftcardimport.card;

import com.giftcardimport.pool.PoolId;
import com.giftcardimport.project.ProjectId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads gift cards of one project, filtered by pool, status, import and number (exactly or by its start). Card numbers are masked by the query itself, so a full number never reaches
 * the application through this class; CVVs are never selected. Access checks are the service's job.
 */
@Repository
class GiftCardRepository {

    private final JdbcClient jdbc;

    GiftCardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<MaskedGiftCard> page(ProjectId project, GiftCardFilter filter, int offset, int limit) {
        Where where = where(project, filter);
        List<Object> params = new ArrayList<>(where.params());
        params.add(limit);
        params.add(offset);
        return jdbc.sql("select c.id, c.pool_id, p.system_name, " + CardNumberMask.visibleEndSql("c.card_number")
                        + " as visible_end, " + """
                               c.cvv_encrypted is not null as has_cvv,
                               c.balance, c.point_of_contact, c.purchased_at, c.expires_at, c.status, c.created_at
                          from gift_card c
                          join pool p on p.project_id = c.project_id and p.id = c.pool_id
                        """ + where.sql() + """
                         order by c.id desc
                         limit ? offset ?
                        """)
                .params(params).query(GiftCardRepository::card).list();
    }

    long count(ProjectId project, GiftCardFilter filter) {
        Where where = where(project, filter);
        return jdbc.sql("select count(*) from gift_card c" + where.sql())
                .params(where.params()).query(Long.class).single();
    }

    private static Where where(ProjectId project, GiftCardFilter filter) {
        StringBuilder sql = new StringBuilder(" where c.project_id = ?");
        List<Object> params = new ArrayList<>(List.of(project.value()));
        if (filter.pool() != null) {
            sql.append(" and c.pool_id = ?");
            params.add(filter.pool().value());
        }
        if (filter.status() != null) {
            sql.append(" and c.status = ?");
            params.add(filter.status().name());
        }
        if (filter.importJob() != null) {
            sql.append(" and c.import_job_id = ?");
            params.add(filter.importJob());
        }
        CardNumberSearch number = filter.number();
        if (number != null && number.exact()) {
            sql.append(" and c.card_number = ?");
            params.add(number.text());
        } else if (number != null) {
            // a byte-order range, which the (project_id, card_number varchar_pattern_ops) index serves (changelog 140)
            sql.append(" and c.card_number ~>=~ ? and c.card_number ~<~ ?");
            params.add(number.text());
            params.add(number.upperBound());
        }
        return new Where(sql.append('\n').toString(), params);
    }

    /** Those of {@code numbers} that a card of the project already has. */
    Set<String> takenNumbers(ProjectId project, Collection<String> numbers) {
        if (numbers.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select card_number from gift_card where project_id = ? and card_number = any (?)")
                .params(project.value(), numbers.stream().distinct().toArray(String[]::new))
                .query(String.class).list());
    }

    private record Where(String sql, List<Object> params) {
    }

    private static MaskedGiftCard card(ResultSet rs, int rowNum) throws SQLException {
        return new MaskedGiftCard(new GiftCardId(rs.getLong("id")), new PoolId(rs.getLong("pool_id")),
                rs.getString("system_name"), GiftCardService.MASK + rs.getString("visible_end"),
                rs.getBoolean("has_cvv"), rs.getBigDecimal("balance"), rs.getString("point_of_contact"),
                instant(rs.getTimestamp("purchased_at")), instant(rs.getTimestamp("expires_at")),
                GiftCardStatus.valueOf(rs.getString("status")), instant(rs.getTimestamp("created_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
