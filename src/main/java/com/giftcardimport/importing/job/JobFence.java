package com.giftcardimport.importing.job;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * This node's claim on one import, as the job engine recorded it when this node picked the import's execution: the
 * row of {@code scheduled_tasks} with this node's name and the version it got. Every chunk and the end status commit
 * only while the claim holds ({@link #hold}): once the engine gave the import to another node (this node stopped
 * heartbeating, the execution was declared dead and revived), the version moved on and this node's next commit is
 * refused, so an import is written by at most one node at any moment.
 */
record JobFence(String taskName, String taskInstance, String pickedBy, long version) {

    /**
     * Inside a transaction: locks the claim's row for the rest of it (so the engine cannot hand the import to another
     * node before this transaction ends) and answers whether the claim still holds.
     */
    boolean hold(JdbcClient jdbc) {
        return jdbc.sql("""
                        select 1 from scheduled_tasks
                         where task_name = ? and task_instance = ? and picked and picked_by = ? and version = ?
                           for share
                        """)
                .params(taskName, taskInstance, pickedBy, version)
                .query(Integer.class).optional().isPresent();
    }
}
