package com.giftcardimport.importing.job;

import com.giftcardimport.importing.validate.PoolRules;
import com.giftcardimport.importing.validate.ValidityUnit;
import com.giftcardimport.project.ProjectId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The rules of one project's pools, for the row validator: pools of other projects are never loaded. */
@Component
public class PoolRulesQuery {

    private final JdbcClient jdbc;

    PoolRulesQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The project's pools by system name. */
    public Map<String, PoolRules> poolsOf(ProjectId project) {
        Map<String, PoolRules> pools = new LinkedHashMap<>();
        jdbc.sql("""
                        select id, system_name, value_type, face_value, cvv_required, validity_unit, validity_amount
                          from pool where project_id = ? order by system_name
                        """)
                .param(project.value())
                .query(rs -> {
                    String unit = rs.getString("validity_unit");
                    PoolRules rules = new PoolRules(rs.getLong("id"), rs.getString("system_name"),
                            "FIXED".equals(rs.getString("value_type")) ? rs.getBigDecimal("face_value") : null,
                            rs.getBoolean("cvv_required"), unit == null ? null : ValidityUnit.valueOf(unit),
                            unit == null ? 0 : rs.getInt("validity_amount"));
                    pools.put(rules.systemName(), rules);
                });
        return pools;
    }
}
