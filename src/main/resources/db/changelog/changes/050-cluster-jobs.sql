--liquibase formatted sql

--changeset gci:050-scheduled-tasks
--comment: db-scheduler's table (docs/decisions/cluster-job-engine.md): which node runs which import, kept alive by
-- heartbeats; a node whose heartbeats stop loses its executions to the others. Not tenant data: no row-level security.
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time_idx on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

--changeset gci:050-dispatch-candidates splitStatements:false
--comment: The dispatcher's view of the whole cluster: every queued or running import with, per project, when it last
-- got a slot (fair dispatch, docs/import-engine.md). Like gci_active_import_jobs, the only cross-project read it needs.
create function gci_import_dispatch_candidates()
    returns table (job_id bigint, project_id bigint, status text, project_last_started timestamptz,
                   has_execution boolean)
    language plpgsql security definer
    set search_path = public, pg_temp
as $$
declare
    caller_projects text := coalesce(current_setting('app.project_ids', true), '');
begin
    perform set_config('app.project_ids', (select coalesce(string_agg(p.id::text, ','), '') from project p), true);
    return query
        select j.id, j.project_id, j.status::text,
               (select max(o.started_at) from import_job o where o.project_id = j.project_id),
               exists (select 1 from scheduled_tasks t
                        where t.task_name = 'import' and t.task_instance = j.id::text)
          from import_job j
         where j.status in ('QUEUED', 'RUNNING')
         order by j.launched_at, j.id;
    perform set_config('app.project_ids', caller_projects, true);
end
$$;
revoke all on function gci_import_dispatch_candidates() from public;

--changeset gci:050-progress-notify splitStatements:false
--comment: Every change of an import's status or counters is announced on the channel gci_import_progress when its
-- transaction commits (a chunk, a launch, an end), so every node shows every import's progress (docs/decisions/
-- progress-channel.md). The payload is small JSON: what the screens show.
create function gci_import_progress_notify() returns trigger
    language plpgsql
as $$
begin
    perform pg_notify('gci_import_progress', json_build_object(
            'job', new.id, 'project', new.project_id, 'status', new.status,
            'imported', new.imported_rows, 'failed', new.failed_rows,
            'total', coalesce(new.total_rows, new.estimated_rows), 'lastRow', new.last_row_number,
            'cancelRequested', new.cancel_requested,
            'at', (extract(epoch from clock_timestamp()) * 1000)::bigint)::text);
    return null;
end
$$;
create trigger import_job_progress_inserted after insert on import_job
    for each row execute function gci_import_progress_notify();
create trigger import_job_progress_updated after update on import_job
    for each row
    when (old.status is distinct from new.status or old.imported_rows is distinct from new.imported_rows
          or old.failed_rows is distinct from new.failed_rows or old.total_rows is distinct from new.total_rows
          or old.cancel_requested is distinct from new.cancel_requested)
    execute function gci_import_progress_notify();

--changeset gci:050-grant-app-role runAlways:true runOnChange:true splitStatements:false
--comment: The application role (${appRole}) claims, heartbeats and completes executions in scheduled_tasks, and asks
-- for the dispatch candidates.
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
    execute format('grant select, insert, update, delete on %I.scheduled_tasks to %I', schema_name, app_role);
    execute format('grant execute on function %I.gci_import_dispatch_candidates() to %I', schema_name, app_role);
end
$$;

--changeset gci:050-import-claim
--comment: Which pick of the job engine runs the import (node name and execution version, docs/decisions/
-- cluster-job-engine.md). A node that picks the import writes its claim first; every chunk and the end status commit
-- only while the claim is still theirs, so an import is written by at most one node at any moment.
alter table import_job add column claim text;
