package com.giftcardimport.importing.job;

import com.giftcardimport.pool.Pool;
import com.giftcardimport.pool.PoolDirectory;
import com.giftcardimport.project.ProjectId;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The pools whose rules the row validator applies: one project's, asked of {@code pool}'s {@link PoolDirectory}. */
@Component
public class PoolRulesQuery {

    private final PoolDirectory pools;

    PoolRulesQuery(PoolDirectory pools) {
        this.pools = pools;
    }

    /** The project's pools by system name. */
    public Map<String, Pool> poolsOf(ProjectId project) {
        return pools.bySystemName(project);
    }
}
