--liquibase formatted sql

--changeset gci:090-card-revisions splitStatements:false
--comment: Whether a card changed since an import touched it (undo, SPEC 13): every change of its status or balance
-- counts up a revision, whoever makes it. A card an import created and nobody changed since has both at 0; a card
-- whose status an update set still has the status revision the update recorded. Only updates pay for the trigger.
alter table gift_card add column status_revision integer not null default 0;
alter table gift_card add column balance_revision integer not null default 0;
create function gci_gift_card_revised() returns trigger
    language plpgsql
as $$
begin
    if new.status is distinct from old.status then
        new.status_revision := old.status_revision + 1;
    end if;
    if new.balance is distinct from old.balance then
        new.balance_revision := old.balance_revision + 1;
    end if;
    return new;
end
$$;
create trigger gift_card_revised before update of status, balance on gift_card
    for each row
    when (old.status is distinct from new.status or old.balance is distinct from new.balance)
    execute function gci_gift_card_revised();

--changeset gci:090-status-changes
--comment: An update of gift card statuses (SPEC 13): per card of the file that matched, its status before and after
-- and the status revision after (the undo restores the previous status only where the card is still at that
-- revision). A row whose status was already the card's is kept too (same before and after): it is how a later row
-- of the same file naming the same card is found. unchanged_rows counts those rows on the job.
alter table import_job add column unchanged_rows bigint not null default 0 check (unchanged_rows >= 0);
alter table import_job drop constraint import_job_counters_add_up;
alter table import_job add constraint import_job_counters_add_up
    check (total_rows is null or imported_rows + unchanged_rows + failed_rows <= total_rows);
create table import_status_change (
    job_id           bigint      not null,
    project_id       bigint      not null,
    gift_card_id     bigint      not null references gift_card (id) on delete cascade,
    row_number       bigint      not null,
    previous_status  varchar(16) not null,
    new_status       varchar(16) not null,
    status_revision  integer     not null,
    constraint import_status_change_pk primary key (job_id, gift_card_id),
    constraint import_status_change_job_fk foreign key (project_id, job_id)
        references import_job (project_id, id) on delete cascade
);
create index import_status_change_row_idx on import_status_change (job_id, row_number);
create index import_status_change_card_idx on import_status_change (gift_card_id);
alter table import_status_change enable row level security;
alter table import_status_change force row level security;
create policy tenant_isolation on import_status_change
    using (project_id = any ((select gci_current_project_ids())::bigint[]))
    with check (project_id = any ((select gci_current_project_ids())::bigint[]));

--changeset gci:090-undo
--comment: The undo of a finished import (SPEC 13): at most one per import; who asked and when, how far it got (the
-- id of the last card handled, its resume point), how many cards it deleted or restored and how many it kept, and
-- why each kept card was kept (what changed, and what it is at the undo).
create table import_undo (
    job_id                bigint       primary key,
    project_id            bigint       not null,
    status                varchar(32)  not null default 'RUNNING'
                                       check (status in ('RUNNING', 'COMPLETED', 'FAILED')),
    requested_by_user_id  bigint       not null references app_user (id),
    requested_by_label    varchar(400) not null,
    requested_at          timestamptz  not null default now(),
    finished_at           timestamptz,
    total_cards           bigint       not null check (total_cards >= 0),
    undone_cards          bigint       not null default 0 check (undone_cards >= 0),
    kept_cards            bigint       not null default 0 check (kept_cards >= 0),
    last_card_id          bigint       not null default 0,
    claim                 text,
    failure_message       text,
    constraint import_undo_job_fk foreign key (project_id, job_id)
        references import_job (project_id, id) on delete cascade
);
create table import_undo_kept (
    job_id           bigint         not null,
    project_id       bigint         not null,
    card_id          bigint         not null,
    card_number      varchar(64)    not null,
    status_changed   boolean        not null,
    balance_changed  boolean        not null,
    status           varchar(16)    not null,
    balance          numeric(19, 2) not null,
    constraint import_undo_kept_pk primary key (job_id, card_id),
    constraint import_undo_kept_undo_fk foreign key (job_id) references import_undo (job_id) on delete cascade
);
alter table import_undo enable row level security;
alter table import_undo force row level security;
create policy tenant_isolation on import_undo
    using (project_id = any ((select gci_current_project_ids())::bigint[]))
    with check (project_id = any ((select gci_current_project_ids())::bigint[]));
alter table import_undo_kept enable row level security;
alter table import_undo_kept force row level security;
create policy tenant_isolation on import_undo_kept
    using (project_id = any ((select gci_current_project_ids())::bigint[]))
    with check (project_id = any ((select gci_current_project_ids())::bigint[]));

--changeset gci:090-progress-notify-unchanged splitStatements:false
--comment: The progress announcement carries the unchanged rows of a status update too.
create or replace function gci_import_progress_notify() returns trigger
    language plpgsql
as $$
begin
    perform pg_notify('gci_import_progress', json_build_object(
            'job', new.id, 'project', new.project_id, 'status', new.status,
            'imported', new.imported_rows, 'failed', new.failed_rows, 'unchanged', new.unchanged_rows,
            'total', coalesce(new.total_rows, new.estimated_rows), 'lastRow', new.last_row_number,
            'cancelRequested', new.cancel_requested,
            'at', (extract(epoch from clock_timestamp()) * 1000)::bigint)::text);
    return null;
end
$$;
drop trigger import_job_progress_updated on import_job;
create trigger import_job_progress_updated after update on import_job
    for each row
    when (old.status is distinct from new.status or old.imported_rows is distinct from new.imported_rows
          or old.failed_rows is distinct from new.failed_rows or old.total_rows is distinct from new.total_rows
          or old.unchanged_rows is distinct from new.unchanged_rows
          or old.cancel_requested is distinct from new.cancel_requested)
    execute function gci_import_progress_notify();
