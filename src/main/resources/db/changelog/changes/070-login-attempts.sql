--liquibase formatted sql

--changeset gci:070-login-attempts
--comment: Every login attempt, failed or not, for platform admins (SPEC 10; docs/security.md)
-- Not tenant data: a login happens before any project is known. Kept 90 days (LoginAttempts).
create table login_attempt (
    id            bigint generated always as identity primary key,
    username      varchar(100) not null,   -- as typed, cut at 100 characters
    address       varchar(64)  not null,   -- the client's address (behind a trusted proxy: X-Forwarded-For)
    attempted_at  timestamptz  not null default now(),
    outcome       varchar(20)  not null
        constraint login_attempt_outcome_check
            check (outcome in ('SUCCEEDED', 'BAD_CREDENTIALS', 'DISABLED', 'THROTTLED'))
);
create index login_attempt_time_idx on login_attempt (attempted_at desc);
