package org.opencommerce.customer.social.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderConfigurationRequest;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import net.minidev.json.JSONObject;
import org.opencommerce.customer.platform.ApiException;

import java.io.IOException;
import java.io.StringReader;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Talks to a tenant's OpenID Connect provider with the Nimbus OAuth 2.0 / OpenID Connect SDK: discovery (cached), the
 * authorization-code exchange and the validation of its ID token by the provider's published keys (cached). The
 * client secret is sent, never logged.
 */
@ApplicationScoped
public class OpenIdProviders {

    private static final Logger LOG = Logger.getLogger(OpenIdProviders.class.getName());
    private static final Duration DISCOVERY_TTL = Duration.ofHours(1);
    /** A provider's keys are fetched again after this, or at once when a token names a key the cache does not know. */
    private static final Duration KEYS_TTL = Duration.ofHours(1);
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 10_000;
    private static final int KEYS_SIZE_LIMIT = 512 * 1024;
    private static final int CLOCK_SKEW_SECONDS = 30;
    private static final Set<JWSAlgorithm> ID_TOKEN_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384);

    private final Map<String, Discovered> discovery = new ConcurrentHashMap<>();
    private final Map<String, JWKSource<SecurityContext>> keys = new ConcurrentHashMap<>();
    private final Map<Audience, IDTokenValidator> validators = new ConcurrentHashMap<>();

    /** The provider's endpoints, from {issuer}/.well-known/openid-configuration. */
    public ProviderMetadata discover(String issuer) {
        Discovered cached = discovery.get(issuer);
        if (cached != null && cached.until().isAfter(Instant.now())) {
            return cached.metadata();
        }
        HTTPRequest request;
        try {
            request = new OIDCProviderConfigurationRequest(new Issuer(issuer)).toHTTPRequest();
        } catch (IllegalArgumentException e) {
            throw providerUnavailable("the issuer " + issuer + " is not a URL");
        }
        String url = request.getURI().toString();
        JSONObject document;
        try {
            document = JSONObjectUtils.parse(content(send(request, url), url));
        } catch (ParseException e) {
            throw providerUnavailable("the answer of " + url + " is not JSON: " + e.getMessage());
        }
        OIDCProviderMetadata parsed;
        try {
            parsed = OIDCProviderMetadata.parse(document);
        } catch (ParseException e) {
            LOG.info("OpenID discovery document of " + issuer + " refused: " + e.getMessage());
            throw mismatch();
        }
        if (!issuer.equals(parsed.getIssuer().getValue()) || parsed.getTokenEndpointURI() == null
                || parsed.getJWKSetURI() == null) {
            throw mismatch();
        }
        ProviderMetadata metadata = new ProviderMetadata(parsed.getIssuer().getValue(),
                parsed.getTokenEndpointURI().toString(), parsed.getJWKSetURI().toString(),
                parsed.getUserInfoEndpointURI() == null ? null : parsed.getUserInfoEndpointURI().toString());
        discovery.put(issuer, new Discovered(metadata, Instant.now().plus(DISCOVERY_TTL)));
        return metadata;
    }

    /** Exchanges an authorization code (with its PKCE verifier, when the flow used one) for the provider's tokens. */
    public ProviderTokens exchange(ProviderMetadata provider, String clientId, String clientSecret, String code,
                                   String redirectUri, String codeVerifier) {
        AuthorizationCodeGrant grant;
        try {
            grant = new AuthorizationCodeGrant(new AuthorizationCode(code), new URI(redirectUri),
                    codeVerifier == null || codeVerifier.isBlank() ? null : new CodeVerifier(codeVerifier));
        } catch (URISyntaxException | IllegalArgumentException e) {
            // a redirect URI or verifier no provider accepts: refused as the provider would refuse it
            throw refusedCode();
        }
        URI endpoint = URI.create(provider.tokenEndpoint());
        TokenRequest tokenRequest = clientSecret != null
                ? new TokenRequest(endpoint, new ClientSecretBasic(new ClientID(clientId), new Secret(clientSecret)), grant)
                : new TokenRequest(endpoint, new ClientID(clientId), grant);
        HTTPResponse response = send(tokenRequest.toHTTPRequest(), "token endpoint " + provider.tokenEndpoint());
        if (response.getStatusCode() == 400 || response.getStatusCode() == 401) {
            throw refusedCode();
        }
        // Only the two tokens are read, as before: Nimbus' full token-response parse would also refuse answers
        // whose other members it finds wrong (a negative expires_in, a missing token_type) that the login never uses.
        String accessToken;
        String idToken;
        try {
            JSONObject tokens = JSONObjectUtils.parse(content(response, "token endpoint " + provider.tokenEndpoint()));
            accessToken = JSONObjectUtils.getString(tokens, "access_token", null);
            idToken = JSONObjectUtils.getString(tokens, "id_token", null);
        } catch (ParseException e) {
            throw providerUnavailable("the token endpoint's answer is not a token response: " + e.getMessage());
        }
        if (idToken == null) {
            throw ApiException.socialLoginRefused("The identity provider answered no ID token (is 'openid' among the scopes?).");
        }
        return new ProviderTokens(accessToken, idToken);
    }

    /**
     * The claims of an ID token issued by the provider for clientId: signature by its keys (RSA or EC), issuer,
     * audience, expiry and issue time.
     */
    public JWTClaimsSet verifyIdToken(ProviderMetadata provider, String clientId, String idToken) {
        try {
            JWT token = JWTParser.parse(idToken);
            validator(provider, clientId).validate(token, null);
            return token.getJWTClaimsSet();
        } catch (java.text.ParseException | BadJOSEException | JOSEException e) {
            LOG.info("ID token refused: " + e.getMessage());
            throw ApiException.socialLoginRefused("The identity provider's ID token is not valid.");
        }
    }

    /** The provider's userinfo, for claims the ID token left out. */
    public JsonObject userInfo(ProviderMetadata provider, String accessToken) {
        if (provider.userinfoEndpoint() == null || accessToken == null) {
            return JsonObject.EMPTY_JSON_OBJECT;
        }
        HTTPRequest request = new UserInfoRequest(URI.create(provider.userinfoEndpoint()),
                new BearerAccessToken(accessToken)).toHTTPRequest();
        HTTPResponse response;
        try {
            response = timed(request).send();
        } catch (IOException e) {
            return JsonObject.EMPTY_JSON_OBJECT;
        }
        return response.getStatusCode() == 200 ? parse(response.getBody()) : JsonObject.EMPTY_JSON_OBJECT;
    }

    private IDTokenValidator validator(ProviderMetadata provider, String clientId) {
        return validators.computeIfAbsent(new Audience(provider.issuer(), provider.jwksUri(), clientId), audience -> {
            JWKSource<SecurityContext> jwks = keys.computeIfAbsent(audience.jwksUri(), OpenIdProviders::jwks);
            IDTokenValidator validator = new IDTokenValidator(new Issuer(audience.issuer()),
                    new ClientID(audience.clientId()), new JWSVerificationKeySelector<>(ID_TOKEN_ALGORITHMS, jwks), null);
            validator.setMaxClockSkew(CLOCK_SKEW_SECONDS);
            return validator;
        });
    }

    private static JWKSource<SecurityContext> jwks(String jwksUri) {
        try {
            return JWKSourceBuilder.<SecurityContext>create(new URL(jwksUri),
                            new DefaultResourceRetriever(CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS, KEYS_SIZE_LIMIT))
                    .cache(KEYS_TTL.toMillis(), JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT)
                    .build();
        } catch (MalformedURLException e) {
            throw providerUnavailable("the jwks_uri " + jwksUri + " is not a URL");
        }
    }

    private static HTTPResponse send(HTTPRequest request, String what) {
        try {
            return timed(request).send();
        } catch (IOException e) {
            throw providerUnavailable(what + ": " + e.getMessage());
        }
    }

    private static HTTPRequest timed(HTTPRequest request) {
        request.setConnectTimeout(CONNECT_TIMEOUT_MS);
        request.setReadTimeout(READ_TIMEOUT_MS);
        return request;
    }

    /** The body of a 200 answer. */
    private static String content(HTTPResponse response, String what) {
        if (response.getStatusCode() != 200) {
            throw providerUnavailable(what + " answered HTTP " + response.getStatusCode());
        }
        return response.getBody() == null ? "" : response.getBody();
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json == null ? "" : json))) {
            return reader.readObject();
        } catch (JsonException e) {
            throw providerUnavailable("an answer is not JSON: " + e.getMessage());
        }
    }

    private static ApiException refusedCode() {
        return ApiException.socialLoginRefused("The identity provider refused the authorization code.");
    }

    private static ApiException mismatch() {
        return ApiException.badRequest("The identity provider's discovery document does not match its issuer.");
    }

    /** Logs why (never a secret: URLs and statuses only) and answers the client's error. */
    private static ApiException providerUnavailable(String why) {
        LOG.warning("OpenID provider unusable: " + why);
        return ApiException.providerUnavailable();
    }

    /** The endpoints of a provider. */
    public record ProviderMetadata(String issuer, String tokenEndpoint, String jwksUri, String userinfoEndpoint) {
    }

    /** What the provider's token endpoint answered. */
    public record ProviderTokens(String accessToken, String idToken) {
    }

    private record Discovered(ProviderMetadata metadata, Instant until) {
    }

    /** Whose ID tokens a validator accepts: a provider's (by issuer and keys) for one client. */
    private record Audience(String issuer, String jwksUri, String clientId) {
    }
}
