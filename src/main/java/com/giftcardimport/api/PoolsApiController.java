package com.giftcardimport.api;

import com.giftcardimport.pool.Pool;
import com.giftcardimport.pool.PoolDraft;
import com.giftcardimport.pool.PoolId;
import com.giftcardimport.pool.PoolService;
import com.giftcardimport.pool.ValidityUnit;
import com.giftcardimport.pool.ValueType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Pools of the token's project over HTTP: the same rules as the Pools screen, through {@link PoolService}. */
@RestController
@RequestMapping(path = "/api/v1/pools", produces = "application/json")
@Tag(name = "Pools", description = "Pools of the token's project")
class PoolsApiController {

    private final PoolService pools;

    PoolsApiController(PoolService pools) {
        this.pools = pools;
    }

    @GetMapping
    @Operation(summary = "List the pools of the project, by system name")
    List<PoolResponse> list() {
        return pools.overview().stream().map(o -> PoolResponse.of(o.pool(), o.hasCards())).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read one pool")
    PoolResponse get(@PathVariable long id) {
        PoolId poolId = PoolId.of(id);
        Pool pool = pools.get(poolId);
        return PoolResponse.of(pool, pools.hasCards(poolId));
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Create a pool", description = "The rules of the Pools screen apply; every broken rule is "
            + "reported at once as a 422 problem with one entry per field in 'errors'.")
    ResponseEntity<PoolResponse> create(@RequestBody PoolRequest request) {
        PoolId id = pools.create(request.draft());
        return ResponseEntity.created(URI.create("/api/v1/pools/" + id.value()))
                .body(PoolResponse.of(pools.get(id), false));
    }

    /**
     * A pool to create.
     *
     * @param faceValue      required for FIXED, absent for ARBITRARY
     * @param validityUnit   DAYS or MONTHS, absent for no expiry
     * @param validityAmount the number of days or months, absent for no expiry
     */
    record PoolRequest(String systemName, String name, ValueType valueType, BigDecimal faceValue,
                       Boolean cvvRequired, ValidityUnit validityUnit, Integer validityAmount) {

        PoolDraft draft() {
            return new PoolDraft(systemName, name, valueType, faceValue, Boolean.TRUE.equals(cvvRequired),
                    validityUnit, validityAmount);
        }
    }

    /**
     * A pool.
     *
     * @param locked whether cards exist in the pool, which locks its value type, face value and validity
     */
    record PoolResponse(long id, String systemName, String name, ValueType valueType, BigDecimal faceValue,
                        boolean cvvRequired, ValidityUnit validityUnit, Integer validityAmount, boolean locked) {

        static PoolResponse of(Pool pool, boolean locked) {
            PoolDraft draft = PoolDraft.of(pool);
            return new PoolResponse(pool.id().value(), pool.systemName().value(), pool.name(), pool.valueType(),
                    pool.faceValue(), pool.cvvRequired(), draft.validityUnit(), draft.validityAmount(), locked);
        }
    }
}
