package org.opencommerce.customer.social.control;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.Caller;
import org.opencommerce.customer.platform.crypto.SecretBox;
import org.opencommerce.customer.tenant.control.Tenants;
import org.opencommerce.customer.tenant.entity.TenantSnapshot;
import org.opencommerce.customer.token.control.IssuedTokens;

import java.text.ParseException;

/**
 * Social login: the authorization code is exchanged at the tenant's OpenID provider and its ID token verified (no
 * transaction is held while the provider answers), then the customer is found, linked or created and logged in.
 */
@Stateless
public class SocialLogins {

    @Inject
    Tenants tenants;

    @Inject
    OpenIdProviders providers;

    @Inject
    SocialAccounts accounts;

    @Inject
    SecretBox secrets;

    /**
     * Logs in through the tenant's OpenID provider. The new login always continues the storefront session of the token
     * the request carries: a {@code session-id} header naming any other session is not adopted (session fixation).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SocialTokens login(Caller caller, String code, String redirectUri, String codeVerifier) {
        if (code == null || code.isBlank() || redirectUri == null || redirectUri.isBlank()) {
            throw ApiException.badRequest("The code and redirect_uri query parameters are required.");
        }
        TenantSnapshot tenant = tenants.require(caller.tenant());
        if (tenant.socialIssuer() == null || tenant.socialClientId() == null) {
            throw ApiException.badRequest("Social login is not configured for tenant '" + tenant.name() + "'.");
        }
        OpenIdProviders.ProviderMetadata provider = providers.discover(tenant.socialIssuer());
        OpenIdProviders.ProviderTokens tokens = providers.exchange(provider, tenant.socialClientId(),
                secrets.open(tenant.socialClientSecret()), code, redirectUri, codeVerifier);
        JWTClaimsSet claims = providers.verifyIdToken(provider, tenant.socialClientId(), tokens.idToken());
        SocialIdentity identity = identity(provider, claims, tokens.accessToken());
        IssuedTokens issued = accounts.signIn(tenant.name(), caller.sessionId(), identity);
        return new SocialTokens(issued, tokens.accessToken(), tokens.idToken());
    }

    private SocialIdentity identity(OpenIdProviders.ProviderMetadata provider, JWTClaimsSet claims, String accessToken) {
        try {
            String email = claims.getStringClaim("email");
            Object verified = claims.getClaim("email_verified");
            String givenName = claims.getStringClaim("given_name");
            String familyName = claims.getStringClaim("family_name");
            if (email == null) {
                JsonObject info = providers.userInfo(provider, accessToken);
                email = info.getString("email", null);
                verified = info.containsKey("email_verified") ? info.getBoolean("email_verified", false) : null;
                givenName = givenName != null ? givenName : info.getString("given_name", null);
                familyName = familyName != null ? familyName : info.getString("family_name", null);
            }
            boolean emailVerified = Boolean.TRUE.equals(verified) || "true".equals(String.valueOf(verified));
            return new SocialIdentity(provider.issuer(), claims.getSubject(), email, emailVerified, givenName, familyName);
        } catch (ParseException | ClassCastException e) {
            throw ApiException.socialLoginRefused("The identity provider's ID token has malformed claims.");
        }
    }

    /** The service's customer tokens with the provider's own. */
    public record SocialTokens(IssuedTokens tokens, String socialAccessToken, String socialIdToken) {
    }
}
