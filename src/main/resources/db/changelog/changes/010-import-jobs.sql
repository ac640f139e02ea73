--liquibase formatted sql

--changeset gci:010-import-jobs
-- One import of one file into one project. The catalogue of import types and actions is the enum
-- com.giftcardimport.importing.ImportAction; the codes are stored as text so that new actions need no migration.
create table import_job (
    id                   bigint generated always as identity primary key,
    project_id           bigint        not null references project (id) on delete cascade,
    import_type          varchar(64)   not null,
    import_action        varchar(64)   not null,
    original_file_name   varchar(255)  not null,
    stored_file_id       varchar(200)  not null,
    file_size            bigint        not null check (file_size >= 0),
    encoding             varchar(64)   not null,
    delimiter            varchar(1)    not null check (delimiter in (',', ';', E'\t', '|')),
    header               text[]        not null,
    mapping              jsonb         not null,
    estimated_rows       bigint,
    launched_by_user_id  bigint        not null references app_user (id),
    launched_by_label    varchar(400)  not null,
    idempotency_key      varchar(200),
    request_fingerprint  varchar(64)   not null,
    status               varchar(32)   not null default 'QUEUED'
                                       check (status in ('QUEUED', 'RUNNING', 'COMPLETED', 'COMPLETED_WITH_ERRORS',
                                                         'FAILED', 'CANCELLED')),
    total_rows           bigint        check (total_rows >= 0),
    imported_rows        bigint        not null default 0 check (imported_rows >= 0),
    failed_rows          bigint        not null default 0 check (failed_rows >= 0),
    last_row_number      bigint        not null default 1,
    launched_at          timestamptz   not null default now(),
    started_at           timestamptz,
    finished_at          timestamptz,
    failure_message      text,
    cancel_requested     boolean       not null default false,
    file_deleted_at      timestamptz,
    constraint import_job_project_id_unique unique (project_id, id),
    constraint import_job_counters_add_up check (total_rows is null or imported_rows + failed_rows <= total_rows)
);
-- Launch is idempotent per project: by the client's key, and by the stored file (one job per uploaded file).
create unique index import_job_idempotency_idx on import_job (project_id, idempotency_key)
    where idempotency_key is not null;
create unique index import_job_file_idx on import_job (stored_file_id);
create index import_job_list_idx on import_job (project_id, launched_at desc, id desc);
create index import_job_active_idx on import_job (status, launched_at) where status in ('QUEUED', 'RUNNING');

-- Why a row was not imported. One row per error; original_row (the row's cells, CVV masked) is kept on the first
-- error of a row (seq = 0) for the error report.
create table import_error (
    job_id        bigint   not null,
    project_id    bigint   not null,
    row_number    bigint   not null,
    seq           integer  not null default 0,
    column_name   text,
    value         text,
    code          varchar(64) not null,
    message       text     not null,
    original_row  text[],
    constraint import_error_job_fk foreign key (project_id, job_id)
        references import_job (project_id, id) on delete cascade
);
create index import_error_job_idx on import_error (job_id, row_number, seq);

-- Where a card came from: the import and the file's row number (also how "duplicates row N of this file" is found).
alter table gift_card add column import_row_number bigint;
alter table gift_card add constraint gift_card_import_job_fk
    foreign key (project_id, import_job_id) references import_job (project_id, id);
