--liquibase formatted sql

--changeset gci:001-projects-and-users
create table project (
    id          bigint generated always as identity primary key,
    slug        varchar(64)  not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
    name        varchar(200) not null,
    created_at  timestamptz  not null default now()
);

create table app_user (
    id              bigint generated always as identity primary key,
    username        varchar(100) not null unique,
    display_name    varchar(200) not null,
    password_hash   varchar(100) not null,
    platform_admin  boolean      not null default false,
    enabled         boolean      not null default true,
    created_at      timestamptz  not null default now()
);

create table membership (
    project_id  bigint      not null references project (id) on delete cascade,
    user_id     bigint      not null references app_user (id) on delete cascade,
    role        varchar(32) not null check (role in ('PROJECT_ADMIN', 'ACCOUNT_MANAGER')),
    created_at  timestamptz not null default now(),
    primary key (project_id, user_id)
);
create index membership_user_idx on membership (user_id);

--changeset gci:001-pools-and-cards
create table pool (
    id               bigint generated always as identity primary key,
    project_id       bigint        not null references project (id) on delete cascade,
    system_name      varchar(64)   not null check (system_name ~ '^[a-z0-9_.-]{1,64}$'),
    name             varchar(200)  not null,
    value_type       varchar(16)   not null check (value_type in ('FIXED', 'ARBITRARY')),
    face_value       numeric(19, 2),
    cvv_required     boolean       not null default false,
    validity_unit    varchar(8)    check (validity_unit in ('DAYS', 'MONTHS')),
    validity_amount  integer       check (validity_amount > 0),
    created_at       timestamptz   not null default now(),
    updated_at       timestamptz   not null default now(),
    constraint pool_system_name_unique unique (project_id, system_name),
    constraint pool_project_id_unique unique (project_id, id),
    constraint pool_fixed_has_face_value check (
        (value_type = 'FIXED' and face_value is not null and face_value > 0)
        or (value_type = 'ARBITRARY' and face_value is null)),
    constraint pool_validity_complete check ((validity_unit is null) = (validity_amount is null))
);

create table gift_card (
    id                  bigint generated always as identity primary key,
    project_id          bigint        not null references project (id) on delete cascade,
    pool_id             bigint        not null,
    card_number         varchar(64)   not null check (card_number ~ '^[A-Za-z0-9-]{1,64}$'),
    cvv_encrypted       bytea,
    balance             numeric(19, 2) not null check (balance >= 0),
    point_of_contact    varchar(255),
    purchased_at        timestamptz,
    expires_at          timestamptz,
    status              varchar(16)   not null default 'INACTIVE'
                                      check (status in ('CAN_BE_USED', 'INACTIVE', 'BLOCKED')),
    import_job_id       bigint,
    created_at          timestamptz   not null default now(),
    constraint gift_card_number_unique unique (project_id, card_number),
    constraint gift_card_pool_fk foreign key (project_id, pool_id) references pool (project_id, id)
);
create index gift_card_pool_idx on gift_card (project_id, pool_id);
create index gift_card_import_idx on gift_card (import_job_id);
