--liquibase formatted sql

--changeset gci:130-user-preferences
--comment: What each person chose for the interface (issue 12): the language (null: the browser's language chooses)
-- and the dark theme. A person reads and changes only their own (security/UserPreferences).
alter table app_user
    add column language   varchar(8) check (language in ('en', 'ru')),
    add column dark_theme boolean    not null default false;
