--liquibase formatted sql

--changeset gci:140-card-number-pattern-index runInTransaction:false
--comment: Gift cards are found by number, whole or by its start (SPEC §12), on millions of cards. The uniqueness of a
-- number within a project moves to an index in varchar_pattern_ops: it compares byte by byte, so the same index serves
-- the equality that the importer's ON CONFLICT and duplicate checks use and a range on the number's start, whatever
-- the database's collation. One index as before, so loading cards costs what it did (docs/decisions/card-number-search.md).
create unique index concurrently if not exists gift_card_number_pattern_idx
    on gift_card (project_id, card_number varchar_pattern_ops);

--changeset gci:140-drop-card-number-constraint
alter table gift_card drop constraint if exists gift_card_number_unique;
