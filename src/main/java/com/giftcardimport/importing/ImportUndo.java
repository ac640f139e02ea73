package com.giftcardimport.importing;

import com.giftcardimport.importing.job.ImportRunner;
import com.giftcardimport.importing.job.ImportUndoRepository;
import com.giftcardimport.security.CurrentTenant;
import com.giftcardimport.security.Tenant;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Undoing an import (SPEC §13, project admins): an undo of added cards deletes the cards the import created that
 * have not changed since (status, balance); an undo of a status update gives each card its previous status back
 * where the status has not changed since. Changed cards are kept and listed with why. The undo runs as a job on the
 * job engine, with progress, and is recorded (who, when, how many undone and kept). An import still queued or
 * running cannot be undone (cancel it first), nor one undone already. Reading the kept cards is for every member.
 * An import of another project behaves like one that does not exist.
 */
@Service
@Transactional
public class ImportUndo {

    private final CurrentTenant current;
    private final ImportQueries queries;
    private final ImportUndoRepository undos;
    private final ImportRunner runner;

    ImportUndo(CurrentTenant current, ImportQueries queries, ImportUndoRepository undos, ImportRunner runner) {
        this.current = current;
        this.queries = queries;
        this.undos = undos;
        this.runner = runner;
    }

    /**
     * What undoing the import would do now: for the question asked before it.
     *
     * @throws ImportNotFoundException no such import in the current project
     */
    @Transactional(readOnly = true)
    public UndoPreview preview(ImportJobId id) {
        Tenant tenant = current.enterAsAdmin();
        ImportSummary job = queries.get(id);
        return undos.preview(tenant.projectId(), id, job.action());
    }

    /**
     * Starts the undo of the import.
     *
     * @return what it will do, as counted when it starts
     * @throws ImportNotFoundException     no such import in the current project
     * @throws ImportUndoRefusedException the import has not ended, or was undone (or is being undone) already
     */
    public UndoPreview undo(ImportJobId id) {
        Tenant tenant = current.enterAsAdmin();
        ImportSummary job = queries.get(id);
        if (!job.status().isFinal()) {
            throw new ImportUndoRefusedException("An import that is still "
                    + job.status().label().toLowerCase(Locale.ROOT) + " cannot be undone: cancel it first, then undo it once it has stopped");
        }
        UndoPreview preview = undos.preview(tenant.projectId(), id, job.action());
        if (!undos.insert(tenant.projectId(), id, tenant.userId(), tenant.actorLabel(),
                preview.toUndo() + preview.toKeep())) {
            throw new ImportUndoRefusedException("This import was undone already: an import is undone only once");
        }
        runner.scheduleUndo(tenant.projectId(), id);
        return preview;
    }

    /**
     * The cards the undo kept because they changed since the import, by card number; masked for account managers
     * (SPEC §10).
     *
     * @throws ImportNotFoundException no such import in the current project
     */
    @Transactional(readOnly = true)
    public List<KeptCard> keptCards(ImportJobId id, int offset, int limit) {
        Tenant tenant = current.enterAsMember();
        queries.get(id);
        List<KeptCard> kept = undos.kept(tenant.projectId(), id, offset, limit);
        return tenant.isAdmin() ? kept : kept.stream().map(KeptCard::withNumberMasked).toList();
    }
}
