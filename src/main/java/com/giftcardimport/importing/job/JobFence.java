package com.giftcardimport.importing.job;

/**
 * This node's claim on one import: the job engine's pick of its execution, named by the picking node and the
 * execution's version at the pick (a later pick, after the engine declared this node dead, has a higher version).
 * The node writes it into {@code import_job.claim} before it runs the import ({@link ImportJobRepository#claim}), and
 * every chunk and the end status commit only where the row still holds it: once another node picked the import, its
 * claim replaced this one and this node's next commit changes nothing and rolls back. The claim's update waits for a
 * chunk in flight (the row is locked until that chunk commits), so the new node resumes after the old node's last
 * commit. No lease and no timing: the engine's heartbeats decide who runs an import, the claim only keeps a node that
 * lost it from writing.
 */
record JobFence(String pickedBy, long version) {

    /** What {@code import_job.claim} holds while this pick runs the import. */
    String token() {
        return pickedBy + "#" + version;
    }
}
