package org.opencommerce.customer.token.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.verification.control.PasswordGuard;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * OAuth2 client credentials (RFC 6749 §4.4): a client's id and secret become a short-lived access token carrying the
 * scopes it asked for. Wrong secrets are throttled per client address like wrong passwords.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ClientTokens {

    public static final String GRANT_TYPE = "client_credentials";

    @Inject
    ApiClients clients;

    @Inject
    PasswordGuard guard;

    @Inject
    TokenIssuer issuer;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "CLIENT_TOKEN_SECONDS", defaultValue = "300")
    long ttlSeconds;

    public ClientToken issue(String grantType, String clientId, String secret, String scope) {
        if (!GRANT_TYPE.equals(grantType)) {
            throw ApiException.unsupportedGrantType();
        }
        guard.requireAddressAllowed();
        Optional<ClientIdentity> client = clients.authenticate(clientId, secret);
        if (client.isEmpty()) {
            guard.recordFailure(null);
            throw ApiException.invalidClientCredentials();
        }
        Set<String> granted = ClientScopes.granted(client.get().scopes(), scope);
        String token = issuer.clientToken(client.get(), granted, clock.instant(), ttlSeconds);
        return new ClientToken(token, ttlSeconds, String.join(" ", granted));
    }

    /** An issued client token, its lifetime in seconds and its space-separated scopes. */
    public record ClientToken(String accessToken, long expiresIn, String scope) {
    }
}
