package com.giftcardimport.pool;

import com.giftcardimport.i18n.Text;
import com.giftcardimport.i18n.TextException;
import static com.giftcardimport.pool.PoolDraft.FACE_VALUE;
import static com.giftcardimport.pool.PoolDraft.NAME;
import static com.giftcardimport.pool.PoolDraft.SYSTEM_NAME;
import static com.giftcardimport.pool.PoolDraft.VALIDITY;
import static com.giftcardimport.pool.PoolDraft.VALUE_TYPE;

import com.giftcardimport.base.NotFoundException;
import com.giftcardimport.base.ValidationException;
import com.giftcardimport.project.ProjectId;
import com.giftcardimport.security.CurrentTenant;
import com.giftcardimport.security.Tenant;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pools of the current project (SPEC §2). Members (project admins and account managers) may read them; only
 * project admins may create and change them. Every method takes the project from {@link CurrentTenant}: a pool
 * id of another project behaves exactly like an id that does not exist ({@link NotFoundException} "No such
 * pool").
 *
 * <p>Once any card exists in a pool, its value type, face value and validity are locked: an update that changes
 * them is refused; name and CVV transfer may still change (see {@code docs/rules.md}).
 */
@Service
@Transactional(readOnly = true)
public class PoolService {

    static final String NOT_FOUND = "No such pool";
    static final int NAME_MAX_LENGTH = 200;

    private final CurrentTenant current;
    private final PoolRepository pools;

    PoolService(CurrentTenant current, PoolRepository pools) {
        this.current = current;
        this.pools = pools;
    }

    /** Every pool of the current project, by system name. For members. */
    @Transactional(readOnly = true)
    public List<Pool> all() {
        return pools.findAll(current.enterAsMember().projectId());
    }

    /** Every pool of the current project with whether it has cards, by system name. For members. */
    @Transactional(readOnly = true)
    public List<PoolOverview> overview() {
        return pools.overview(current.enterAsMember().projectId());
    }

    /**
     * A pool of the current project. For members.
     *
     * @throws NotFoundException when the pool does not exist in the current project
     */
    @Transactional(readOnly = true)
    public Pool get(PoolId id) {
        return pools.findById(current.enterAsMember().projectId(), id)
                .orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    /**
     * The pool of the current project with this system name (surrounding spaces ignored). Empty for a name
     * that is not a valid system name, that no pool has, or that only another project's pool has. For members.
     */
    @Transactional(readOnly = true)
    public Optional<Pool> findBySystemName(String systemName) {
        ProjectId project = current.enterAsMember().projectId();
        PoolSystemName name;
        try {
            name = PoolSystemName.parse(systemName);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return pools.findBySystemName(project, name);
    }

    /**
     * Whether any card exists in the pool, which locks its value type, face value and validity. For members.
     *
     * @throws NotFoundException when the pool does not exist in the current project
     */
    @Transactional(readOnly = true)
    public boolean hasCards(PoolId id) {
        ProjectId project = current.enterAsMember().projectId();
        pools.findById(project, id).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        return pools.hasCards(project, id);
    }

    /** Whether the caller may create and change pools in the current project (a project admin). */
    public boolean mayManage() {
        return current.enterAsMember().isAdmin();
    }

    /**
     * Creates a pool in the current project. For project admins.
     *
     * @throws ValidationException with a message per field that breaks a rule
     */
    @Transactional
    public PoolId create(PoolDraft draft) {
        Tenant tenant = current.enterAsAdmin();
        PoolSettings settings = check(draft, null);
        if (pools.systemNameTaken(tenant.projectId(), settings.systemName(), null)) {
            throw taken(settings.systemName());
        }
        try {
            return pools.insert(tenant.projectId(), settings);
        } catch (DuplicateKeyException e) {
            throw taken(settings.systemName());
        }
    }

    /**
     * Changes a pool of the current project. For project admins. Once the pool has cards, a change of its value
     * type, face value or validity is refused; its name, system name and CVV transfer may still change.
     *
     * @throws NotFoundException   when the pool does not exist in the current project
     * @throws ValidationException with a message per field that breaks a rule or is locked
     */
    @Transactional
    public Pool update(PoolId id, PoolDraft draft) {
        Tenant tenant = current.enterAsAdmin();
        Pool existing = pools.findByIdForUpdate(tenant.projectId(), id)
                .orElseThrow(() -> new NotFoundException(NOT_FOUND));
        PoolSettings settings = check(draft, pools.hasCards(tenant.projectId(), id) ? existing : null);
        if (pools.systemNameTaken(tenant.projectId(), settings.systemName(), id)) {
            throw taken(settings.systemName());
        }
        try {
            pools.update(tenant.projectId(), id, settings);
        } catch (DuplicateKeyException e) {
            throw taken(settings.systemName());
        }
        return pools.findById(tenant.projectId(), id).orElseThrow();
    }

    /**
     * Checks every field of the draft, reporting all problems at once.
     *
     * @param locked the pool as stored when it has cards: its value type, face value and validity must stay
     */
    private static PoolSettings check(PoolDraft draft, Pool locked) {
        var errors = new ValidationException.Collector();
        PoolSystemName systemName = errors.check(SYSTEM_NAME, () -> PoolSystemName.parse(draft.systemName()));
        String name = errors.check(NAME, () -> name(draft.name()));
        ValueType valueType = draft.valueType();
        if (valueType == null) {
            errors.add(VALUE_TYPE, Text.of("pool.error.valueType.required"));
        }
        BigDecimal faceValue = null;
        if (valueType == ValueType.FIXED) {
            if (draft.faceValue() == null) {
                errors.add(FACE_VALUE, Text.of("pool.error.faceValue.required"));
            } else {
                FaceValue checked = errors.check(FACE_VALUE, () -> new FaceValue(draft.faceValue()));
                faceValue = checked == null ? null : checked.amount();
            }
        } else if (valueType == ValueType.ARBITRARY && draft.faceValue() != null) {
            errors.add(FACE_VALUE, Text.of("pool.error.faceValue.arbitrary"));
        }
        Validity validity = errors.check(VALIDITY, () -> validity(draft.validityUnit(), draft.validityAmount()));

        if (locked != null) {
            if (valueType != null && valueType != locked.valueType()) {
                errors.add(VALUE_TYPE, Text.of("pool.error.locked.valueType"));
            }
            boolean sameFaceValue = faceValue == null ? locked.faceValue() == null
                    : locked.faceValue() != null && faceValue.compareTo(locked.faceValue()) == 0;
            if (valueType == locked.valueType() && !errors.has(FACE_VALUE) && !sameFaceValue) {
                errors.add(FACE_VALUE, Text.of("pool.error.locked.faceValue"));
            }
            if (validity != null && !validity.equals(locked.validity())) {
                errors.add(VALIDITY, Text.of("pool.error.locked.validity"));
            }
        }
        errors.throwIfAny();
        return new PoolSettings(systemName, name, valueType, faceValue, draft.cvvRequired(), validity);
    }

    private static String name(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty()) {
            throw new TextException("pool.error.name.required");
        }
        if (name.length() > NAME_MAX_LENGTH) {
            throw new TextException("pool.error.name.tooLong", NAME_MAX_LENGTH);
        }
        return name;
    }

    private static Validity validity(ValidityUnit unit, Integer amount) {
        if (unit == null) {
            if (amount != null) {
                throw new TextException("pool.error.validity.unit");
            }
            return Validity.none();
        }
        if (amount == null) {
            throw new TextException("pool.error.validity.amount." + unit.name());
        }
        return Validity.of(amount, unit);
    }

    private static ValidationException taken(PoolSystemName systemName) {
        return ValidationException.of(SYSTEM_NAME, Text.of("pool.error.taken", systemName.value()));
    }
}
