package com.giftcardimport.importing.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.giftcardimport.importing.ImportJobId;
import com.giftcardimport.project.ProjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fair dispatch policy on its own: the cluster's queued and running imports in, the imports to start out. */
class DispatchPolicyTest {

    static final ProjectId A = ProjectId.of(1);
    static final ProjectId B = ProjectId.of(2);
    static final ProjectId C = ProjectId.of(3);
    static final ProjectId D = ProjectId.of(4);
    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    long nextId = 100;

    @Test
    void nothing_starts_when_the_global_limit_is_reached_across_the_cluster() {
        List<DispatchPolicy.Candidate> all = List.of(running(A, T0), running(B, T0), running(C, T0),
                running(D, T0), queued(A, T0));
        assertThat(new DispatchPolicy(4, 2).toStart(all)).isEmpty();
    }

    @Test
    void a_project_never_runs_more_than_its_limit_however_many_it_queued() {
        List<DispatchPolicy.Candidate> all = new ArrayList<>();
        all.add(running(A, T0));
        for (int i = 0; i < 5; i++) {
            all.add(queued(A, T0));
        }
        List<DispatchPolicy.Candidate> started = new DispatchPolicy(4, 2).toStart(all);
        assertThat(started).hasSize(1).allMatch(c -> c.projectId().equals(A));
        assertThat(started.getFirst()).isEqualTo(all.get(1));   // the oldest launch
    }

    @Test
    void a_free_slot_goes_to_a_project_with_nothing_running_before_another_import_of_a_busy_project() {
        DispatchPolicy.Candidate busyThird = queued(A, T0);   // launched first
        DispatchPolicy.Candidate waitingFirst = queued(B, null);
        List<DispatchPolicy.Candidate> all = List.of(running(C, T0), running(C, T0), running(A, T0), busyThird,
                waitingFirst);
        assertThat(new DispatchPolicy(4, 2).toStart(all)).containsExactly(waitingFirst);
    }

    @Test
    void between_projects_with_nothing_running_the_slot_goes_to_the_one_served_least_recently() {
        DispatchPolicy.Candidate servedAMomentAgo = queued(A, T0.plusSeconds(60));   // launched first
        DispatchPolicy.Candidate servedLongAgo = queued(B, T0);
        List<DispatchPolicy.Candidate> all = List.of(running(C, T0), running(C, T0), running(D, T0),
                servedAMomentAgo, servedLongAgo);
        assertThat(new DispatchPolicy(4, 2).toStart(all)).containsExactly(servedLongAgo);
    }

    @Test
    void free_slots_go_first_imports_first_then_second_imports_so_one_queue_cannot_take_them_all() {
        DispatchPolicy.Candidate a1 = queued(A, null);
        DispatchPolicy.Candidate a2 = queued(A, null);
        DispatchPolicy.Candidate a3 = queued(A, null);
        DispatchPolicy.Candidate b1 = queued(B, null);
        DispatchPolicy.Candidate c1 = queued(C, null);
        List<DispatchPolicy.Candidate> started = new DispatchPolicy(4, 2).toStart(List.of(a1, a2, a3, b1, c1));
        assertThat(started).containsExactly(a1, b1, c1, a2);
    }

    @Test
    void limits_must_be_positive() {
        assertThatThrownBy(() -> new DispatchPolicy(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DispatchPolicy(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private DispatchPolicy.Candidate running(ProjectId project, Instant lastStarted) {
        return new DispatchPolicy.Candidate(new ImportJobId(nextId++), project, true, lastStarted);
    }

    private DispatchPolicy.Candidate queued(ProjectId project, Instant lastStarted) {
        return new DispatchPolicy.Candidate(new ImportJobId(nextId++), project, false, lastStarted);
    }
}
