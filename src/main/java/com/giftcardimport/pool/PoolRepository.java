package com.giftcardimport.pool;

import com.giftcardimport.project.ProjectId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Pools, always within one project: every query takes the project id and filters by it, so an id of another
 * project finds nothing. Access checks are {@link PoolService}'s job.
 */
@Repository
class PoolRepository {

    private static final String COLUMNS = """
            p.id, p.project_id, p.system_name, p.name, p.value_type, p.face_value, p.cvv_required,
            p.validity_unit, p.validity_amount""";

    private final JdbcClient jdbc;

    PoolRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Pool> findAll(ProjectId project) {
        return jdbc.sql("select " + COLUMNS + " from pool p where p.project_id = ? order by p.system_name")
                .param(project.value()).query(PoolRepository::pool).list();
    }

    List<PoolOverview> overview(ProjectId project) {
        return jdbc.sql("select " + COLUMNS + """
                        , exists (select 1 from gift_card c where c.project_id = p.project_id and c.pool_id = p.id)
                          as has_cards
                          from pool p
                         where p.project_id = ?
                         order by p.system_name
                        """)
                .param(project.value())
                .query((rs, n) -> new PoolOverview(pool(rs, n), rs.getBoolean("has_cards"))).list();
    }

    Optional<Pool> findById(ProjectId project, PoolId id) {
        return jdbc.sql("select " + COLUMNS + " from pool p where p.project_id = ? and p.id = ?")
                .params(project.value(), id.value()).query(PoolRepository::pool).optional();
    }

    /**
     * Reads the pool and locks its row until the transaction ends. {@code for update} conflicts with the
     * {@code for key share} lock that inserting a card takes on its pool (the foreign key), so a pool cannot
     * be changed while cards are being written into it, nor cards written while it is being changed.
     */
    Optional<Pool> findByIdForUpdate(ProjectId project, PoolId id) {
        return jdbc.sql("select " + COLUMNS + " from pool p where p.project_id = ? and p.id = ? for update")
                .params(project.value(), id.value()).query(PoolRepository::pool).optional();
    }

    Optional<Pool> findBySystemName(ProjectId project, PoolSystemName systemName) {
        return jdbc.sql("select " + COLUMNS + " from pool p where p.project_id = ? and p.system_name = ?")
                .params(project.value(), systemName.value()).query(PoolRepository::pool).optional();
    }

    /** Whether another pool of the project (not {@code except}) already has this system name. */
    boolean systemNameTaken(ProjectId project, PoolSystemName systemName, PoolId except) {
        return jdbc.sql("""
                        select exists (select 1 from pool
                                        where project_id = ? and system_name = ? and id <> ?)
                        """)
                .params(project.value(), systemName.value(), except == null ? -1L : except.value())
                .query(Boolean.class).single();
    }

    boolean hasCards(ProjectId project, PoolId id) {
        return jdbc.sql("select exists (select 1 from gift_card where project_id = ? and pool_id = ?)")
                .params(project.value(), id.value()).query(Boolean.class).single();
    }

    PoolId insert(ProjectId project, PoolSettings settings) {
        Long id = jdbc.sql("""
                        insert into pool (project_id, system_name, name, value_type, face_value, cvv_required,
                                          validity_unit, validity_amount)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        returning id
                        """)
                .params(project.value(), settings.systemName().value(), settings.name(),
                        settings.valueType().name(), settings.faceValue(), settings.cvvRequired(),
                        unit(settings.validity()), amount(settings.validity()))
                .query(Long.class).single();
        return new PoolId(id);
    }

    void update(ProjectId project, PoolId id, PoolSettings settings) {
        jdbc.sql("""
                        update pool
                           set system_name = ?, name = ?, value_type = ?, face_value = ?, cvv_required = ?,
                               validity_unit = ?, validity_amount = ?, updated_at = now()
                         where project_id = ? and id = ?
                        """)
                .params(settings.systemName().value(), settings.name(), settings.valueType().name(),
                        settings.faceValue(), settings.cvvRequired(), unit(settings.validity()),
                        amount(settings.validity()), project.value(), id.value())
                .update();
    }

    private static String unit(Validity validity) {
        return validity instanceof Validity.Period period ? period.unit().name() : null;
    }

    private static Integer amount(Validity validity) {
        return validity instanceof Validity.Period period ? period.amount() : null;
    }

    private static Pool pool(ResultSet rs, int rowNum) throws SQLException {
        String unit = rs.getString("validity_unit");
        Validity validity = unit == null ? Validity.none()
                : Validity.of(rs.getInt("validity_amount"), ValidityUnit.valueOf(unit));
        BigDecimal faceValue = rs.getBigDecimal("face_value");
        return new Pool(new PoolId(rs.getLong("id")), new ProjectId(rs.getLong("project_id")),
                new PoolSystemName(rs.getString("system_name")), rs.getString("name"),
                ValueType.valueOf(rs.getString("value_type")), faceValue, rs.getBoolean("cvv_required"), validity);
    }
}
