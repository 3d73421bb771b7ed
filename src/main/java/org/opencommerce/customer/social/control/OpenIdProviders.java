package org.opencommerce.customer.social.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.opencommerce.customer.platform.ApiException;

import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Talks to a tenant's OpenID Connect provider: discovery (cached), the authorization-code exchange and the
 * verification of its ID token by the provider's published keys. The client secret is sent, never logged.
 */
@ApplicationScoped
public class OpenIdProviders {

    private static final Logger LOG = Logger.getLogger(OpenIdProviders.class.getName());
    private static final Duration DISCOVERY_TTL = Duration.ofHours(1);

    private Client http;
    private final Map<String, Discovered> discovery = new ConcurrentHashMap<>();
    private final Map<String, HttpsJwks> keys = new ConcurrentHashMap<>();

    @PostConstruct
    void open() {
        http = ClientBuilder.newBuilder().connectTimeout(5, TimeUnit.SECONDS).readTimeout(10, TimeUnit.SECONDS).build();
    }

    /** The provider's endpoints, from {issuer}/.well-known/openid-configuration. */
    public ProviderMetadata discover(String issuer) {
        Discovered cached = discovery.get(issuer);
        if (cached != null && cached.until().isAfter(Instant.now())) {
            return cached.metadata();
        }
        JsonObject document = getJson(stripSlash(issuer) + "/.well-known/openid-configuration");
        ProviderMetadata metadata = new ProviderMetadata(document.getString("issuer", null),
                document.getString("token_endpoint", null), document.getString("jwks_uri", null),
                document.getString("userinfo_endpoint", null));
        if (!issuer.equals(metadata.issuer()) || metadata.tokenEndpoint() == null || metadata.jwksUri() == null) {
            throw ApiException.badRequest("The identity provider's discovery document does not match its issuer.");
        }
        discovery.put(issuer, new Discovered(metadata, Instant.now().plus(DISCOVERY_TTL)));
        return metadata;
    }

    /** Exchanges an authorization code (with its PKCE verifier, when the flow used one) for the provider's tokens. */
    public ProviderTokens exchange(ProviderMetadata provider, String clientId, String clientSecret, String code,
                                   String redirectUri, String codeVerifier) {
        Form form = new Form().param("grant_type", "authorization_code").param("code", code)
                .param("redirect_uri", redirectUri);
        if (codeVerifier != null && !codeVerifier.isBlank()) {
            form.param("code_verifier", codeVerifier);
        }
        var request = http.target(provider.tokenEndpoint()).request(MediaType.APPLICATION_JSON_TYPE);
        if (clientSecret != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString(
                    (urlEncode(clientId) + ":" + urlEncode(clientSecret)).getBytes(StandardCharsets.UTF_8)));
        } else {
            form.param("client_id", clientId);
        }
        try (Response response = request.post(Entity.form(form))) {
            String body = response.readEntity(String.class);
            if (response.getStatus() == 400 || response.getStatus() == 401) {
                throw ApiException.socialLoginRefused("The identity provider refused the authorization code.");
            }
            if (response.getStatus() != 200) {
                throw providerUnavailable("token endpoint " + provider.tokenEndpoint() + " answered HTTP " + response.getStatus());
            }
            JsonObject tokens = parse(body);
            String idToken = tokens.getString("id_token", null);
            if (idToken == null) {
                throw ApiException.socialLoginRefused("The identity provider answered no ID token (is 'openid' among the scopes?).");
            }
            return new ProviderTokens(tokens.getString("access_token", null), idToken);
        } catch (ProcessingException e) {
            throw providerUnavailable("token endpoint " + provider.tokenEndpoint() + ": " + e.getMessage());
        }
    }

    /** The claims of an ID token issued by the provider for clientId: signature by its keys, issuer, audience, expiry. */
    public JwtClaims verifyIdToken(ProviderMetadata provider, String clientId, String idToken) {
        HttpsJwks jwks = keys.computeIfAbsent(provider.jwksUri(), HttpsJwks::new);
        try {
            return new JwtConsumerBuilder()
                    .setRequireExpirationTime()
                    .setRequireSubject()
                    .setAllowedClockSkewInSeconds(30)
                    .setExpectedIssuer(provider.issuer())
                    .setExpectedAudience(clientId)
                    .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(jwks))
                    .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                            AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.RSA_USING_SHA384,
                            AlgorithmIdentifiers.RSA_USING_SHA512, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
                            AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384)
                    .build()
                    .processToClaims(idToken);
        } catch (InvalidJwtException e) {
            LOG.info("ID token refused: " + e.getErrorDetails());
            throw ApiException.socialLoginRefused("The identity provider's ID token is not valid.");
        }
    }

    /** The provider's userinfo, for claims the ID token left out. */
    public JsonObject userInfo(ProviderMetadata provider, String accessToken) {
        if (provider.userinfoEndpoint() == null || accessToken == null) {
            return JsonObject.EMPTY_JSON_OBJECT;
        }
        try (Response response = http.target(provider.userinfoEndpoint()).request(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken).get()) {
            return response.getStatus() == 200 ? parse(response.readEntity(String.class)) : JsonObject.EMPTY_JSON_OBJECT;
        } catch (ProcessingException e) {
            return JsonObject.EMPTY_JSON_OBJECT;
        }
    }

    private JsonObject getJson(String url) {
        try (Response response = http.target(url).request(MediaType.APPLICATION_JSON_TYPE).get()) {
            if (response.getStatus() != 200) {
                throw providerUnavailable(url + " answered HTTP " + response.getStatus());
            }
            return parse(response.readEntity(String.class));
        } catch (ProcessingException e) {
            throw providerUnavailable(url + ": " + e.getMessage());
        }
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        } catch (JsonException e) {
            throw providerUnavailable("an answer is not JSON: " + e.getMessage());
        }
    }

    /** Logs why (never a secret: URLs and statuses only) and answers the client's error. */
    private static ApiException providerUnavailable(String why) {
        LOG.warning("OpenID provider unusable: " + why);
        return ApiException.providerUnavailable();
    }

    private static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @PreDestroy
    void close() {
        http.close();
    }

    /** The endpoints of a provider. */
    public record ProviderMetadata(String issuer, String tokenEndpoint, String jwksUri, String userinfoEndpoint) {
    }

    /** What the provider's token endpoint answered. */
    public record ProviderTokens(String accessToken, String idToken) {
    }

    private record Discovered(ProviderMetadata metadata, Instant until) {
    }
}
