package org.opencommerce.customer.token.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jose4j.jwt.JwtClaims;
import org.opencommerce.customer.webhooks.control.CustomerEvents;
import org.opencommerce.customer.webhooks.control.EventTypes;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.Caller;
import org.opencommerce.customer.platform.web.ErrorMessage;
import org.opencommerce.customer.platform.JsonText;
import org.opencommerce.customer.profile.control.Profiles;
import org.opencommerce.customer.profile.entity.Customer;
import org.opencommerce.customer.profile.entity.LoginAccount;
import org.opencommerce.customer.tenant.control.Tenants;
import org.opencommerce.customer.tenant.entity.TenantSnapshot;
import org.opencommerce.customer.token.entity.Grant;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The sessions of customer logins: opened after a verified password ({@link PasswordLogin}) or another proof, refreshed
 * and ended.
 */
@Stateless
public class LoginSessions {

    @Inject
    Tenants tenants;

    @Inject
    Profiles profiles;

    @Inject
    Grants grants;

    @Inject
    Revocations revocations;

    @Inject
    TokenIssuer issuer;

    @Inject
    TokenVerifier verifier;

    @Inject
    Clock clock;

    @Inject
    LoginMetrics metrics;

    @PersistenceContext
    EntityManager em;

    @Inject
    CustomerEvents events;

    /**
     * Opens the login that {@link PasswordLogin} verified: an imported hash is replaced by the service's own when the
     * verification made one. Only PasswordLogin can make a {@link VerifiedLogin}.
     */
    public IssuedTokens open(VerifiedLogin login) {
        LoginAccount account = em.find(LoginAccount.class, login.accountId());
        if (account == null) {
            throw ApiException.invalidCredentials();
        }
        if (login.migratedHash() != null) {
            account.migratePassword(login.migratedHash().value());
        }
        return loginAs(login.sessionId(), tenants.require(login.tenant()), account);
    }

    /**
     * Logs in, within the storefront session sessionId, with an account whose owner has proved who they are another
     * way (a confirmed activation link, an OpenID provider), within the transaction of the flow that checked the proof
     * and loaded the account.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public IssuedTokens loginAs(String sessionId, TenantSnapshot tenant, LoginAccount account) {
        Customer customer = account.getCustomer();
        if (!customer.mayLogIn()) {
            throw ApiException.accountSuspended();
        }
        Instant now = clock.instant();
        account.recordSuccessfulLogin(now);
        Grant grant = grants.open(tenant.name(), Grant.Kind.CUSTOMER, customer, account.getEmail(),
                sessionId, null);
        events.emit(tenant.name(), EventTypes.LOGGED_IN, customer.getId(),
                () -> sessionEvent(tenant.name(), sessionId, customer.getNumber()));
        return tokens(tenant, grant, now, account.isInitialPassword(), true);
    }

    /**
     * A new token pair of the same login; the refresh token is used up. {@code legalEntityId} selects one of the
     * customer's B2B legal entities: the login carries it from now on (in its tokens, and validateauthtoken answers
     * it); one the customer does not belong to is 400, and the refresh token stays unused.
     */
    public IssuedTokens refresh(Caller caller, String refreshToken, String legalEntityId) {
        TenantSnapshot tenant = tenants.require(caller.tenant());
        Grant grant = grants.redeem(tenant.name(), Grant.Kind.CUSTOMER, refreshToken,
                tenant.refreshReuseIntervalSeconds());
        if (caller.customer() && !Objects.equals(caller.customerId(), grant.getCustomerId())) {
            throw ApiException.invalidRefreshToken();
        }
        if (legalEntityId != null && !legalEntityId.isBlank()) {
            if (!profiles.belongsTo(grant.getCustomerId(), legalEntityId)) {
                throw ApiException.validation("The customer does not belong to this legal entity.", List.of(
                        new ErrorMessage.Detail("legalEntityId", "invalid_value", "is not a legal entity of the customer")));
            }
            grant.setLegalEntityId(legalEntityId);
        }
        // the refresh answer (RefreshCustomerToken) has no saas_token: none is signed
        IssuedTokens tokens = tokens(tenant, grant, clock.instant(), false, false);
        events.emit(tenant.name(), EventTypes.REFRESH_TOKEN, grant.getCustomerId(),
                () -> sessionEvent(tenant.name(), grant.getSessionId(), grant.getCustomerNumber()));
        metrics.refreshed();
        return tokens;
    }

    /** Ends the login that accessToken belongs to: that token, its siblings and its refresh tokens stop working. */
    public void logout(Caller caller, String accessToken) {
        if (accessToken == null || accessToken.isBlank()) {
            throw ApiException.badRequest("The accessToken query parameter is required.");
        }
        JwtClaims claims;
        try {
            claims = verifier.verifyIgnoringExpiry(accessToken);
        } catch (ApiException e) {
            throw ApiException.badRequest("The accessToken is not a valid access token.");
        }
        Grant grant = grants.find(TokenVerifier.stringClaim(claims, TokenClaims.GRANT));
        if (grant == null || !grant.getTenant().equals(caller.tenant())
                || !Objects.equals(grant.getCustomerId(), caller.customerId())) {
            throw ApiException.badRequest("The accessToken does not belong to the caller.");
        }
        revocations.revoke(grant);
    }

    /** The data of customer.logged.in and customer.refresh-token. */
    private static JsonObject sessionEvent(String tenant, String sessionId, long customerNumber) {
        JsonObjectBuilder data = Json.createObjectBuilder().add("tenant", tenant).add("customerId", String.valueOf(customerNumber));
        JsonText.putIfPresent(data, "sessionId", sessionId);
        return data.build();
    }

    /** The token pair of a grant, and its SaaS token when the answer carries one (login, not refresh). */
    private IssuedTokens tokens(TenantSnapshot tenant, Grant grant, Instant now, boolean initialPassword, boolean withSaasToken) {
        String scope = Scopes.customer(tenant.name());
        int ttl = tenant.customerTokenTtlSeconds();
        String access = issuer.accessToken(grant, scope, now, ttl);
        String refresh = grants.newRefreshToken(grant, tenant.refreshTokenTtlSeconds(), ttl);
        return new IssuedTokens(access, ttl, refresh, tenant.refreshTokenTtlSeconds(), grant.getSessionId(), scope,
                withSaasToken ? issuer.saasToken(grant, now, ttl) : null, initialPassword);
    }
}
