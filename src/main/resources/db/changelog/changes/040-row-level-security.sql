--liquibase formatted sql

--changeset gci:040-tenant-setting splitStatements:false
--comment: The projects the current transaction may see (SPEC 8, isolation; docs/security.md)
-- The application sets app.project_ids at the start of every transaction that touches tenant data, with
-- set_config('app.project_ids', '12,15', true): transaction-local, so it ends with the transaction and a pooled
-- connection never carries it to the next one. Unset or empty means no project, hence no row.
create function gci_current_project_ids() returns bigint[]
    language sql stable parallel safe
as $$
    select coalesce(string_to_array(nullif(current_setting('app.project_ids', true), ''), ',')::bigint[], '{}')
$$;

--changeset gci:040-row-level-security
--comment: Every table with rows of one project is visible and writable only for the projects of the transaction.
-- FORCE binds the owner of the tables too (superusers and BYPASSRLS roles are never bound: the application must
-- not connect as one, see docs/deployment.md). "(select ...)::bigint[]" makes the set an InitPlan, computed once
-- per statement and usable by the (project_id, ...) indexes.
alter table pool enable row level security;
alter table pool force row level security;
create policy tenant_isolation on pool
    using (project_id = any ((select gci_current_project_ids())::bigint[]))
    with check (project_id = any ((select gci_current_project_ids())::bigint[]));

alter table gift_card enable row level security;
alter table gift_card force row level security;
create policy tenant_isolation on gift_card
    using (project_id = any ((select gci_current_project_ids())::bigint[]))
    with check (project_id = any ((select gci_current_project_ids())::bigint[]));

alter table import_job enable row level security;
alter table import_job force row level security;
create policy tenant_isolation on import_job
    using (project_id = any ((select gci_current_project_ids())::bigint[]))
    with check (project_id = any ((select gci_current_project_ids())::bigint[]));

alter table import_error enable row level security;
alter table import_error force row level security;
create policy tenant_isolation on import_error
    using (project_id = any ((select gci_current_project_ids())::bigint[]))
    with check (project_id = any ((select gci_current_project_ids())::bigint[]));

alter table api_token enable row level security;
alter table api_token force row level security;
create policy tenant_isolation on api_token
    using (project_id = any ((select gci_current_project_ids())::bigint[]))
    with check (project_id = any ((select gci_current_project_ids())::bigint[]));

--changeset gci:040-cross-tenant-lookups splitStatements:false
--comment: The only reads that cross projects, each a narrow SECURITY DEFINER function owned by the owner role.
-- Each widens app.project_ids to every project for its one query and puts the caller's value back before it returns
-- (on an error the caller's transaction or savepoint is rolled back, which restores it too), so it works whether or
-- not the owner is bound by FORCE. (A "SET app.project_ids" clause would restore it by itself, but only a superuser
-- may put a custom setting in a function's header.) search_path is fixed, with pg_temp last, so that no temporary
-- object of the caller can stand in for a table.

-- API authentication: the token is known by the hash of its secret before its project is.
create function gci_api_token_principal(p_token_hash text)
    returns table (token_id bigint, project_id bigint, created_by bigint, token_name text, creator_name text)
    language plpgsql security definer
    set search_path = public, pg_temp
as $$
declare
    caller_projects text := coalesce(current_setting('app.project_ids', true), '');
begin
    perform set_config('app.project_ids', (select coalesce(string_agg(p.id::text, ','), '') from project p), true);
    return query
        select t.id, t.project_id, t.created_by, t.name::text, u.display_name::text
          from api_token t
          join app_user u on u.id = t.created_by and u.enabled
          join membership m on m.project_id = t.project_id and m.user_id = t.created_by
                           and m.role = 'PROJECT_ADMIN'
         where t.token_hash = p_token_hash and t.revoked_at is null;
    perform set_config('app.project_ids', caller_projects, true);
end
$$;

-- The import runner's queue and its restart recovery: which job of which project waits or was left running.
create function gci_active_import_jobs()
    returns table (job_id bigint, project_id bigint, status text)
    language plpgsql security definer
    set search_path = public, pg_temp
as $$
declare
    caller_projects text := coalesce(current_setting('app.project_ids', true), '');
begin
    perform set_config('app.project_ids', (select coalesce(string_agg(p.id::text, ','), '') from project p), true);
    return query
        select j.id, j.project_id, j.status::text
          from import_job j
         where j.status in ('QUEUED', 'RUNNING')
         order by j.launched_at, j.id;
    perform set_config('app.project_ids', caller_projects, true);
end
$$;

-- The file retention sweeper: stored files of jobs that ended before the given time and are not deleted yet.
create function gci_import_files_past_retention(p_ended_before timestamptz)
    returns table (job_id bigint, project_id bigint, stored_file_id text)
    language plpgsql security definer
    set search_path = public, pg_temp
as $$
declare
    caller_projects text := coalesce(current_setting('app.project_ids', true), '');
begin
    perform set_config('app.project_ids', (select coalesce(string_agg(p.id::text, ','), '') from project p), true);
    return query
        select j.id, j.project_id, j.stored_file_id::text
          from import_job j
         where j.file_deleted_at is null and j.finished_at is not null and j.finished_at <= p_ended_before
           and j.status not in ('QUEUED', 'RUNNING');
    perform set_config('app.project_ids', caller_projects, true);
end
$$;

revoke all on function gci_api_token_principal(text) from public;
revoke all on function gci_active_import_jobs() from public;
revoke all on function gci_import_files_past_retention(timestamptz) from public;

--changeset gci:040-grant-app-role runAlways:true runOnChange:true splitStatements:false
--comment: The application role (${appRole}) may read and write rows, and nothing else: it owns nothing, cannot
-- change the schema, cannot TRUNCATE (which would ignore row-level security) and cannot touch Liquibase's tables.
-- Run at every start, and tables created later by the owner are granted by the default privileges. Skipped when
-- no separate application role is configured (Liquibase then runs as the application's own role).
do $$
declare
    app_role text := '${appRole}';
    schema_name text := current_schema();
begin
    if app_role = '' or app_role like '$%' or app_role = current_user then
        raise notice 'No separate application role to grant (appRole = %)', app_role;
        return;
    end if;
    if not exists (select 1 from pg_roles where rolname = app_role) then
        raise warning 'The application role % does not exist: create it (docs/deployment.md)', app_role;
        return;
    end if;
    execute format('grant usage on schema %I to %I', schema_name, app_role);
    execute format('grant select, insert, update, delete on all tables in schema %I to %I', schema_name, app_role);
    execute format('revoke all on %I.databasechangelog, %I.databasechangeloglock from %I',
                   schema_name, schema_name, app_role);
    execute format('grant usage, select on all sequences in schema %I to %I', schema_name, app_role);
    execute format('alter default privileges in schema %I grant select, insert, update, delete on tables to %I',
                   schema_name, app_role);
    execute format('alter default privileges in schema %I grant usage, select on sequences to %I',
                   schema_name, app_role);
    execute format('grant execute on function %I.gci_api_token_principal(text), '
                   || '%I.gci_import_files_past_retention(timestamptz) to %I',
                   schema_name, schema_name, app_role);
end
$$;
