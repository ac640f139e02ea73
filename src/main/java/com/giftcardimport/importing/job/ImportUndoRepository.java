package com.giftcardimport.importing.job;

import com.giftcardimport.card.GiftCardStatus;
import com.giftcardimport.importing.ImportAction;
import com.giftcardimport.importing.ImportJobId;
import com.giftcardimport.importing.KeptCard;
import com.giftcardimport.importing.UndoPreview;
import com.giftcardimport.project.ProjectId;
import com.giftcardimport.security.UserId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The undo of imports as people ask for and read it: what an undo would do, the undo row, the cards it kept. In
 * transactions the caller's service checked and scoped to the project; the undo's run is {@link UndoRunner}'s.
 * <p>
 * "Changed since" is told by the card's revisions (a trigger counts up {@code gift_card.status_revision} and
 * {@code balance_revision} on every change): a card an import created is unchanged while both are 0; a card whose
 * status an update set is unchanged while its status revision is the one the update recorded.
 */
@Repository
public class ImportUndoRepository {

    /** The cards an undo of added cards looks at, with {@code unchanged} telling whether it would delete them. */
    static final String ADDED_CARDS = """
            select g.id, g.card_number, g.status, g.balance,
                   g.status_revision > 0 as status_changed, g.balance_revision > 0 as balance_changed
              from gift_card g
             where g.project_id = ? and g.import_job_id = ?
            """;

    /** The cards whose status an update changed, with {@code status_changed} telling whether it changed again. */
    static final String CHANGED_CARDS = """
            select g.id, g.card_number, g.status, g.balance, g.status_revision <> c.status_revision as status_changed,
                   false as balance_changed, c.previous_status
              from import_status_change c
              join gift_card g on g.id = c.gift_card_id and g.project_id = c.project_id
             where c.project_id = ? and c.job_id = ? and c.previous_status <> c.new_status
            """;

    private final JdbcClient jdbc;

    ImportUndoRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What undoing the import would do now. */
    public UndoPreview preview(ProjectId project, ImportJobId job, ImportAction action) {
        String cards = action.createsCards() ? ADDED_CARDS : CHANGED_CARDS;
        return jdbc.sql("select count(*) filter (where not (status_changed or balance_changed)), "
                        + "count(*) filter (where status_changed or balance_changed) from (" + cards + ") cards")
                .params(project.value(), job.value())
                .query((rs, n) -> new UndoPreview(action, rs.getLong(1), rs.getLong(2))).single();
    }

    /**
     * Records the undo, RUNNING, unless the import has one; an undo that failed may be asked for again.
     *
     * @return false when the import was undone already (or is being undone)
     */
    public boolean insert(ProjectId project, ImportJobId job, UserId by, String byLabel, long totalCards) {
        return jdbc.sql("""
                        insert into import_undo (job_id, project_id, requested_by_user_id, requested_by_label,
                                                 total_cards)
                        values (?, ?, ?, ?, ?)
                        on conflict (job_id) do update
                           set status = 'RUNNING', requested_by_user_id = excluded.requested_by_user_id,
                               requested_by_label = excluded.requested_by_label, requested_at = now(),
                               finished_at = null, failure_message = null, failure_message_key = null,
                               failure_message_args = null, total_cards = excluded.total_cards,
                               claim = null
                         where import_undo.status = 'FAILED'
                        """)
                .params(job.value(), project.value(), by.value(), byLabel, totalCards).update() == 1;
    }

    /** The cards the undo kept, by card number. */
    public List<KeptCard> kept(ProjectId project, ImportJobId job, int offset, int limit) {
        return jdbc.sql("""
                        select k.card_number, j.import_action, k.status_changed, k.balance_changed, k.status,
                               k.balance
                          from import_undo_kept k join import_job j on j.id = k.job_id and j.project_id = k.project_id
                         where k.project_id = ? and k.job_id = ?
                         order by k.card_number
                         limit ? offset ?
                        """)
                .params(project.value(), job.value(), Math.max(0, limit), Math.max(0, offset))
                .query((rs, n) -> new KeptCard(rs.getString(1), ImportAction.valueOf(rs.getString(2)),
                        rs.getBoolean(3), rs.getBoolean(4), GiftCardStatus.valueOf(rs.getString(5)),
                        rs.getBigDecimal(6)))
                .list();
    }
}
