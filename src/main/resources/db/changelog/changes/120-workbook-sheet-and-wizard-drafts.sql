--liquibase formatted sql

--changeset gci:120-import-job-sheet
--comment: An import of an Excel workbook reads one sheet (docs/files-and-rules.md); null for CSV/TXT files.
alter table import_job add column sheet text;

--changeset gci:120-import-draft
--comment: The wizard of one person in one project, kept until launch or discard (docs/rules.md, "The wizard
-- survives a reload"): the step, the action, the upload and how it reads, the mapping. An upload named here is
-- not swept; a draft untouched for app.import.draft-expiry is deleted, and its upload swept after it.
create table import_draft (
    project_id          bigint        not null references project (id) on delete cascade,
    user_id             bigint        not null references app_user (id) on delete cascade,
    import_action       varchar(60)   not null,
    step                int           not null check (step between 0 and 3),
    stored_file_id      varchar(200),
    original_file_name  varchar(255),
    file_size           bigint,
    file_sha256         varchar(64),
    stored_at           timestamptz,
    encoding            varchar(60),
    delimiter           char(1),
    sheet               varchar(31),
    mapping             jsonb,
    updated_at          timestamptz   not null default now(),
    primary key (project_id, user_id)
);
create index import_draft_file_idx on import_draft (project_id, stored_file_id);
create index import_draft_updated_idx on import_draft (updated_at);

alter table import_draft enable row level security;
alter table import_draft force row level security;
create policy tenant_isolation on import_draft
    using (project_id = any ((select gci_current_project_ids())::bigint[]))
    with check (project_id = any ((select gci_current_project_ids())::bigint[]));
