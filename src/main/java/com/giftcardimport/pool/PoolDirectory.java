package com.giftcardimport.pool;

import com.giftcardimport.project.ProjectId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A project's pools with their rules (value type, face value, CVV transfer, validity and the expiry it gives), for
 * work that received its project as a plain parameter: an import job runs with no logged-in user. No access check
 * of its own: callers are services that checked the caller, or the engine's own workers, whose transactions are
 * scoped to the job's project. Pools of other projects are never loaded.
 */
@Component
public class PoolDirectory {

    private final PoolRepository pools;

    PoolDirectory(PoolRepository pools) {
        this.pools = pools;
    }

    /** The project's pools by system name. */
    public Map<String, Pool> bySystemName(ProjectId project) {
        Map<String, Pool> bySystemName = new LinkedHashMap<>();
        pools.findAll(project).forEach(pool -> bySystemName.put(pool.systemName().value(), pool));
        return bySystemName;
    }
}
