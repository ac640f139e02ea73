--liquibase formatted sql

--changeset gci:120-import-job-sheet
--comment: An import of an Excel workbook reads one sheet (docs/files-and-rules.md); null for CSV/TXT files.
alter table import_job add column sheet text;
