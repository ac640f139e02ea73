--liquibase formatted sql

--changeset gci:131-row-error-texts
--comment: A row error's message as a key of the texts bundle and its arguments, so that it is said in the reader's
-- language when read (issue 12, docs/decisions/languages.md). Errors stored before have none: their English message
-- is shown in every language.
alter table import_error
    add column message_key  varchar(100),
    add column message_args text[];
