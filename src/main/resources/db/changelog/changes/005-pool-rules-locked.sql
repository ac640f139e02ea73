--liquibase formatted sql

--changeset gci:005-pool-rules-locked-once-cards-exist splitStatements:false
--comment: SPEC 2: value type, face value and validity of a pool are locked once it has cards (backstop for PoolService)
create function pool_keep_locked_rules() returns trigger language plpgsql as $$
begin
    if (new.value_type is distinct from old.value_type
            or new.face_value is distinct from old.face_value
            or new.validity_unit is distinct from old.validity_unit
            or new.validity_amount is distinct from old.validity_amount)
        and exists (select 1 from gift_card where project_id = old.project_id and pool_id = old.id) then
        raise exception 'pool %: value type, face value and validity are locked once the pool has cards', old.id
            using errcode = 'check_violation';
    end if;
    return new;
end
$$;

--changeset gci:005-pool-rules-locked-trigger
create trigger pool_locked_rules
    before update of value_type, face_value, validity_unit, validity_amount on pool
    for each row execute function pool_keep_locked_rules();
