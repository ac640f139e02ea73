--liquibase formatted sql

--changeset gci:150-failure-message-texts
--comment: Why an import, a whole-file check or an undo failed, as a key of the texts bundle and its arguments, so that
-- it is said in the reader's language (issue 12, docs/decisions/languages.md). failure_message keeps the English;
-- rows that failed before have no key and show their English in every language.
alter table import_job
    add column failure_message_key  varchar(100),
    add column failure_message_args text[];
alter table import_check
    add column failure_message_key  varchar(100),
    add column failure_message_args text[];
alter table import_undo
    add column failure_message_key  varchar(100),
    add column failure_message_args text[];
