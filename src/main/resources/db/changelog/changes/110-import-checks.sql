--liquibase formatted sql

--changeset gci:110-import-checks
--comment: The whole-file check before launch (SPEC 11): every row read and validated by the import's own pipeline,
-- creating nothing. One check per stored file, format, mapping and action (the fingerprint), so a wizard restored
-- after a reload finds its check again; a dry run over the API is a check too. Its ids come from import_job's
-- sequence, so an id names either an import or a check, never both. The failed rows are kept in
-- import_check_error (the same columns as import_error) for the would-be error report and the correction grid;
-- in memory a check holds only counters. Checks are deleted after app.import.check-retention, or with their upload.
create table import_check (
    id                  bigint        primary key default nextval('import_job_id_seq'),
    project_id          bigint        not null references project (id) on delete cascade,
    stored_file_id      varchar(200)  not null,
    fingerprint         varchar(64)   not null,
    import_action       varchar(64)   not null,
    original_file_name  varchar(255)  not null,
    encoding            varchar(64)   not null,
    delimiter           varchar(1)    not null,
    sheet               text,
    header              text[]        not null,
    mapping             jsonb         not null,
    dry_run             boolean       not null default false,
    started_by_user_id  bigint        not null references app_user (id),
    status              varchar(32)   not null default 'RUNNING'
                                      check (status in ('RUNNING', 'COMPLETED', 'FAILED')),
    estimated_rows      bigint,
    total_rows          bigint,
    checked_rows        bigint        not null default 0,
    valid_rows          bigint        not null default 0,
    failed_rows         bigint        not null default 0,
    failure_message     text,
    created_at          timestamptz   not null default now(),
    updated_at          timestamptz   not null default now(),
    finished_at         timestamptz,
    constraint import_check_project_id_unique unique (project_id, id)
);
create unique index import_check_key_idx on import_check (project_id, stored_file_id, fingerprint);
create index import_check_created_idx on import_check (created_at);
create table import_check_error (
    check_id      bigint   not null,
    project_id    bigint   not null,
    row_number    bigint   not null,
    seq           integer  not null default 0,
    column_name   text,
    value         text,
    code          varchar(64) not null,
    message       text     not null,
    original_row  text[],
    message_key   varchar(100),
    message_args  text[],
    constraint import_check_error_check_fk foreign key (project_id, check_id)
        references import_check (project_id, id) on delete cascade
);
create index import_check_error_row_idx on import_check_error (check_id, row_number, seq);
create index import_check_error_code_idx on import_check_error (check_id, code, row_number);
alter table import_check enable row level security;
alter table import_check force row level security;
create policy tenant_isolation on import_check
    using (project_id = any ((select gci_current_project_ids())::bigint[]))
    with check (project_id = any ((select gci_current_project_ids())::bigint[]));
alter table import_check_error enable row level security;
alter table import_check_error force row level security;
create policy tenant_isolation on import_check_error
    using (project_id = any ((select gci_current_project_ids())::bigint[]))
    with check (project_id = any ((select gci_current_project_ids())::bigint[]));

--changeset gci:110-correction-link
--comment: A follow-up import of corrected rows names the import whose failed rows it corrects (SPEC 11); the
-- original is found from it, so the link reads both ways, and the original's own row never changes.
alter table import_job add column corrects_job_id bigint;
alter table import_job add constraint import_job_corrects_fk
    foreign key (project_id, corrects_job_id) references import_job (project_id, id);
create index import_job_corrects_idx on import_job (corrects_job_id) where corrects_job_id is not null;

--changeset gci:110-expired-checks splitStatements:false
--comment: The sweep of checks older than the retention, across projects (the job engine's file sweep calls it).
create function gci_delete_checks_before(p_created_before timestamptz)
    returns integer
    language plpgsql security definer
    set search_path = public, pg_temp
as $$
declare
    caller_projects text := coalesce(current_setting('app.project_ids', true), '');
    deleted integer;
begin
    perform set_config('app.project_ids', (select coalesce(string_agg(p.id::text, ','), '') from project p), true);
    delete from import_check where created_at < p_created_before;
    get diagnostics deleted = row_count;
    perform set_config('app.project_ids', caller_projects, true);
    return deleted;
end
$$;
revoke all on function gci_delete_checks_before(timestamptz) from public;

--changeset gci:110-grant-app-role runAlways:true runOnChange:true splitStatements:false
--comment: The application role (${appRole}) may run the check sweep.
do $$
declare
    app_role text := '${appRole}';
    schema_name text := current_schema();
begin
    if app_role = '' or app_role like '$%' or app_role = current_user then
        return;
    end if;
    if not exists (select 1 from pg_roles where rolname = app_role) then
        return;
    end if;
    execute format('grant execute on function %I.gci_delete_checks_before(timestamptz) to %I', schema_name, app_role);
end
$$;
