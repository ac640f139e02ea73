package com.giftcardimport.api;

import com.giftcardimport.i18n.Text;
import com.giftcardimport.base.NotFoundException;
import com.giftcardimport.base.ValidationException;
import com.giftcardimport.security.CurrentTenant;
import com.giftcardimport.security.Tenant;
import com.giftcardimport.security.TenantScope;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens of the current project: a project admin creates (sees the secret once), lists and revokes them.
 * A token acts as a project admin of its project only, on behalf of the admin who created it, and stops working
 * when it is revoked or when that admin is no longer an admin of the project.
 */
@Service
@Transactional(readOnly = true)
public class ApiTokenService {

    static final int MAX_NAME_LENGTH = 100;

    private final CurrentTenant current;
    private final ApiTokenRepository tokens;
    private final TenantScope scope;

    ApiTokenService(CurrentTenant current, ApiTokenRepository tokens, TenantScope scope) {
        this.current = current;
        this.tokens = tokens;
        this.scope = scope;
    }

    /** The tokens of the current project, active ones first, newest first; never a secret. */
    @Transactional(readOnly = true)
    public List<ApiToken> list() {
        Tenant tenant = current.enterAsAdmin();
        return tokens.findByProject(tenant.projectId());
    }

    /**
     * Creates a token for the current project, acting on behalf of the caller.
     *
     * @throws ValidationException for {@code name}: blank, too long, or the name of another active token
     */
    @Transactional
    public NewApiToken create(String name) {
        Tenant tenant = current.enterAsAdmin();
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty()) {
            throw ValidationException.of("name", Text.of("token.error.required"));
        }
        if (cleanName.length() > MAX_NAME_LENGTH) {
            throw ValidationException.of("name", Text.of("token.error.tooLong", MAX_NAME_LENGTH));
        }
        if (cleanName.chars().anyMatch(Character::isISOControl)) {
            throw ValidationException.of("name", Text.of("token.error.control"));
        }
        if (tokens.activeNameTaken(tenant.projectId(), cleanName)) {
            throw ValidationException.of("name", Text.of("token.error.taken", cleanName));
        }
        String secret = ApiTokenSecrets.generate();
        ApiTokenId id = tokens.insert(tenant.projectId(), cleanName, secret, tenant.userId());
        return new NewApiToken(tokens.findById(tenant.projectId(), id).orElseThrow(), secret);
    }

    /**
     * Revokes a token of the current project at once; revoking a revoked token changes nothing.
     *
     * @throws NotFoundException when the project has no such token (a token of another project included)
     */
    @Transactional
    public void revoke(ApiTokenId id) {
        Tenant tenant = current.enterAsAdmin();
        if (!tokens.revoke(tenant.projectId(), id) && tokens.findById(tenant.projectId(), id).isEmpty()) {
            throw new NotFoundException("API token not found");
        }
    }

    /**
     * Who a bearer secret stands for, if it is an active token whose creator is still an admin of its project.
     * This is the authentication itself, so it needs no caller.
     */
    @Transactional
    Optional<ApiTokenPrincipal> authenticate(String secret) {
        if (secret == null || secret.isEmpty() || secret.length() > ApiTokenSecrets.MAX_LENGTH) {
            return Optional.empty();
        }
        Optional<ApiTokenPrincipal> principal = tokens.findPrincipal(ApiTokenSecrets.hash(secret));
        principal.ifPresent(p -> {
            scope.enter(List.of(p.projectId()));
            tokens.touch(p.tokenId());
        });
        return principal;
    }
}
