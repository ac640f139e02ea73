--liquibase formatted sql

--changeset gci:020-api-tokens
-- Per-project API tokens. Only a SHA-256 hash of the secret is kept (the secret is 32 random bytes, so a fast
-- hash is enough); the short public prefix lets people recognise a token in lists.
create table api_token (
    id            bigint generated always as identity primary key,
    project_id    bigint       not null references project (id) on delete cascade,
    name          varchar(100) not null,
    token_prefix  varchar(16)  not null,
    token_hash    char(64)     not null,
    created_by    bigint       not null references app_user (id),
    created_at    timestamptz  not null default now(),
    last_used_at  timestamptz,
    revoked_at    timestamptz,
    constraint api_token_hash_unique unique (token_hash)
);
create index api_token_project_idx on api_token (project_id, created_at desc);
-- A name identifies an active token of the project (it is shown as "launched by").
create unique index api_token_active_name_unique on api_token (project_id, lower(name)) where revoked_at is null;
