package com.giftcardimport.api;

import com.giftcardimport.project.ProjectId;
import com.giftcardimport.security.ProjectBoundPrincipal;
import com.giftcardimport.security.UserId;

/**
 * Who calls the API: a token, bound to its project, acting for the admin who created it.
 * {@link com.giftcardimport.security.CurrentTenant} turns it into a project admin of that project and no other.
 */
record ApiTokenPrincipal(ApiTokenId tokenId, ProjectId projectId, UserId responsibleUser, String tokenName,
                         String creatorName) implements ProjectBoundPrincipal {

    @Override
    public String actorLabel() {
        return "API token \"" + tokenName + "\" (by " + creatorName + ")";
    }

    @Override
    public String toString() {
        return actorLabel();
    }
}
