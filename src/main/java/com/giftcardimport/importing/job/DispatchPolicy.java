package com.giftcardimport.importing.job;

import com.giftcardimport.importing.ImportJobId;
import com.giftcardimport.project.ProjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which queued imports may start now, given what runs across the whole cluster: at most {@code maxRunning} at once
 * and {@code maxRunningPerProject} per project, served fairly. First one import of each project that has nothing
 * running, then second imports, and so on up to the per-project limit; among projects on the same level the one
 * that got a slot least recently goes first, then the oldest launch. So the imports queued by one project cannot
 * take every free slot while another project waits. Plain Java: the dispatcher feeds it the database's state.
 */
public final class DispatchPolicy {

    /**
     * A queued or running import, as the dispatcher sees it.
     *
     * @param projectLastStarted when an import of the project last got a slot (null: never)
     */
    public record Candidate(ImportJobId jobId, ProjectId projectId, boolean running, Instant projectLastStarted) {
    }

    private final int maxRunning;
    private final int maxRunningPerProject;

    public DispatchPolicy(int maxRunning, int maxRunningPerProject) {
        if (maxRunning < 1 || maxRunningPerProject < 1) {
            throw new IllegalArgumentException("Import limits must be positive");
        }
        this.maxRunning = maxRunning;
        this.maxRunningPerProject = maxRunningPerProject;
    }

    /**
     * The queued candidates to start now, in the order they got their slot.
     *
     * @param candidates every queued and running import, queued ones oldest launch first
     */
    public List<Candidate> toStart(List<Candidate> candidates) {
        Map<ProjectId, Integer> runningPerProject = new HashMap<>();
        List<Candidate> queued = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (candidate.running()) {
                runningPerProject.merge(candidate.projectId(), 1, Integer::sum);
            } else {
                queued.add(candidate);
            }
        }
        int total = runningPerProject.values().stream().mapToInt(Integer::intValue).sum();
        // stable: among the imports of projects served equally long ago, the oldest launch stays first
        queued.sort(Comparator.comparing(Candidate::projectLastStarted,
                Comparator.nullsFirst(Comparator.naturalOrder())));
        List<Candidate> chosen = new ArrayList<>();
        for (int level = 0; level < maxRunningPerProject && total < maxRunning; level++) {
            for (Candidate next : queued) {
                if (total >= maxRunning) {
                    break;
                }
                if (chosen.contains(next) || runningPerProject.getOrDefault(next.projectId(), 0) > level) {
                    continue;
                }
                chosen.add(next);
                runningPerProject.merge(next.projectId(), 1, Integer::sum);
                total++;
            }
        }
        return chosen;
    }
}
