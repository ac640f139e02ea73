--liquibase formatted sql

--changeset gci:100-drop-active-import-jobs
--comment: The runner's queue function of 040 has had no caller since the job engine came (050): the dispatcher reads
-- gci_import_dispatch_candidates() instead. One cross-project read less (docs/security.md lists those that remain).
drop function if exists gci_active_import_jobs();
