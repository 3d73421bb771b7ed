package org.opencommerce.customer.it;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.opencommerce.customer.it.Api.PASSWORD;
import static org.opencommerce.customer.it.Api.anonymousLogin;
import static org.opencommerce.customer.it.Api.as;
import static org.opencommerce.customer.it.Api.signup;
import static org.opencommerce.customer.it.Api.uniqueEmail;
import static org.opencommerce.customer.it.Faults.isError;
import static org.opencommerce.customer.it.Faults.isFault;

class SocialLoginIT extends ServiceDeployment {

    private static String socialTenant;
    private static String socialClient;
    private static Api.Tenant withoutSocialLogin;
    private static Api.Tenant withProviderDown;
    private static final String IDP = "default";
    private static final String OIDC_CLIENT_ID = "shop";
    private static final String OIDC_CLIENT_SECRET = "shop-secret-" + UUID.randomUUID();
    private static final String REDIRECT = "https://shop.example.com/callback";

    private static MockOAuth2Server provider;

    @BeforeAll
    static void startProvider() {
        provider = new MockOAuth2Server();
        provider.start(Integer.getInteger("it.oidc.port"));
        Api.Tenant social = Api.newTenantWithClient();
        socialTenant = social.name();
        socialClient = social.clientId();
        withoutSocialLogin = Api.newTenantWithClient();
        withProviderDown = Api.newTenantWithClient();
        configure(socialTenant, provider.issuerUrl(IDP).toString());
        configure(withProviderDown.name(), "http://127.0.0.1:1/" + IDP);
    }

    @AfterAll
    static void stopProvider() {
        provider.shutdown();
    }

    private static void configure(String tenant, String issuer) {
        Api.admin().contentType("application/merge-patch+json")
                .body(Map.of("socialLogin", Map.of("issuer", issuer, "clientId", OIDC_CLIENT_ID,
                        "clientSecret", OIDC_CLIENT_SECRET, "scopes", "openid email profile")))
                .patch("/admin/tenants/{tenant}", tenant).then().statusCode(200);
    }

    /** The provider's next login is of this person; answers the authorization code its login page would redirect with. */
    private static String authorizationCode(String subject, Map<String, Object> claims, String audience, long expirySeconds,
                                            String codeChallenge) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(IDP, subject, "JWT", List.of(audience), claims, expirySeconds));
        var request = RestAssured.given().redirects().follow(false)
                .queryParam("client_id", OIDC_CLIENT_ID).queryParam("response_type", "code")
                .queryParam("redirect_uri", REDIRECT).queryParam("scope", "openid email profile")
                .queryParam("state", "s1");
        if (codeChallenge != null) {
            request.queryParam("code_challenge", codeChallenge).queryParam("code_challenge_method", "S256");
        }
        String location = request.get(provider.authorizationEndpointUrl(IDP).toString()).header("Location");
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            if (pair.startsWith("code=")) {
                return java.net.URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("No code in " + location);
    }

    private static String authorizationCode(String subject, Map<String, Object> claims) {
        return authorizationCode(subject, claims, OIDC_CLIENT_ID, 3600, null);
    }

    private static Map<String, Object> person(String email, boolean verified) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("email", email);
        claims.put("email_verified", verified);
        claims.put("given_name", "Grace");
        claims.put("family_name", "Hopper");
        return claims;
    }

    private static Response socialLogin(String tenant, String client, String code, String verifier) {
        var request = as(anonymousLogin(tenant, client).<String>path("access_token"))
                .queryParam("code", code).queryParam("redirect_uri", REDIRECT);
        if (verifier != null) {
            request.queryParam("code_verifier", verifier);
        }
        return request.post("/customer/{tenant}/socialLogin", tenant);
    }

    private static Response socialLogin(String code) {
        return socialLogin(socialTenant, socialClient, code, null);
    }

    private static String challengeOf(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    @Test
    void firstLogin_createsTheCustomerFromTheIdToken() {
        String subject = "sub-" + UUID.randomUUID();
        String email = uniqueEmail("social");
        Response login = socialLogin(authorizationCode(subject, person(email, true)));
        login.then().statusCode(200)
                .body("access_token", notNullValue())
                .body("refresh_token", notNullValue())
                .body("saas_token", notNullValue())
                .body("social_access_token", notNullValue())
                .body("social_id_token", notNullValue())
                .body("session_idle_time", equalTo(3600))
                .body("token_type", equalTo("Bearer"))
                .body("scope", containsString("tenant=" + socialTenant))
                .body(not(containsString(OIDC_CLIENT_SECRET)))
                .header("Cache-Control", "no-store").header("Pragma", "no-cache");
        as(login.path("access_token")).get("/customer/{tenant}/me", socialTenant).then().statusCode(200)
                .body("firstName", equalTo("Grace"))
                .body("lastName", equalTo("Hopper"))
                .body("contactEmail", equalTo(email))
                .body("accounts[0].id", equalTo(email))
                .body("accounts[0].providerId", equalTo(subject));
    }

    @Test
    void nextLogin_findsTheSameCustomer() {
        String subject = "sub-" + UUID.randomUUID();
        String email = uniqueEmail("again");
        String first = socialLogin(authorizationCode(subject, person(email, true))).path("access_token");
        String second = socialLogin(authorizationCode(subject, person(email, true))).path("access_token");
        String firstId = as(first).get("/customer/{tenant}/me", socialTenant).path("id");
        as(second).get("/customer/{tenant}/me", socialTenant).then().body("id", equalTo(firstId));
    }

    @Test
    void aVerifiedEmail_isLinkedToTheExistingCustomer() {
        String email = uniqueEmail("link");
        String customerNumber = signup(anonymousLogin(socialTenant, socialClient).path("access_token"), socialTenant,
                Map.of("email", email, "password", PASSWORD)).then().statusCode(201).extract().path("id");
        String subject = "sub-" + UUID.randomUUID();
        String token = socialLogin(authorizationCode(subject, person(email, true))).path("access_token");
        as(token).get("/customer/{tenant}/me", socialTenant).then()
                .body("id", equalTo(customerNumber))
                .body("accounts.providerId", hasItem(subject));
    }

    @Test
    void anUnverifiedEmailOfAnExistingCustomer_isNotLinked() {
        String email = uniqueEmail("unverified");
        signup(anonymousLogin(socialTenant, socialClient).path("access_token"), socialTenant, Map.of("email", email, "password", PASSWORD))
                .then().statusCode(201);
        isError(socialLogin(authorizationCode("sub-" + UUID.randomUUID(), person(email, false))).then(), 400, "bad_request");
    }

    @Test
    void theCallersAnonymousSession_isKept_andASessionIdHeaderNamingAnotherSessionIsIgnored() {
        for (String header : new String[]{null, "own", UUID.randomUUID().toString()}) {
            String anonymous = anonymousLogin(socialTenant, socialClient).path("access_token");
            String own = as(anonymous).get("/customer/{tenant}/validateauthtoken", socialTenant).path("sessionId");
            var request = as(anonymous).queryParam("code", authorizationCode("sub-" + UUID.randomUUID(),
                    person(uniqueEmail("session"), true))).queryParam("redirect_uri", REDIRECT);
            if (header != null) {
                request.header("session-id", "own".equals(header) ? own : header);
            }
            String token = request.post("/customer/{tenant}/socialLogin", socialTenant).then().statusCode(200)
                    .body("session_id", equalTo(own)).extract().path("access_token");
            as(token).get("/customer/{tenant}/validateauthtoken", socialTenant).then().body("sessionId", equalTo(own));
        }
    }

    @Test
    void pkce_theRightVerifierWorksAndAWrongOneIs401() throws Exception {
        String verifier = "v-" + UUID.randomUUID() + UUID.randomUUID();
        String good = authorizationCode("sub-" + UUID.randomUUID(), person(uniqueEmail("pkce"), true), OIDC_CLIENT_ID, 3600,
                challengeOf(verifier));
        socialLogin(socialTenant, socialClient, good, verifier).then().statusCode(200);
        String bad = authorizationCode("sub-" + UUID.randomUUID(), person(uniqueEmail("pkce"), true), OIDC_CLIENT_ID, 3600,
                challengeOf(verifier));
        isFault(socialLogin(socialTenant, socialClient, bad, "not-the-verifier-" + UUID.randomUUID()).then(), "social.InvalidGrant");
    }

    @Test
    void aUsedCode_is401() {
        String code = authorizationCode("sub-" + UUID.randomUUID(), person(uniqueEmail("reuse"), true));
        socialLogin(code).then().statusCode(200);
        isFault(socialLogin(code).then(), "social.InvalidGrant");
    }

    @Test
    void anExpiredIdToken_is401() {
        isFault(socialLogin(authorizationCode("sub-" + UUID.randomUUID(), person(uniqueEmail("exp"), true),
                OIDC_CLIENT_ID, -300, null)).then(), "social.InvalidGrant");
    }

    @Test
    void aProviderThatIsDown_is400() {
        isError(socialLogin(withProviderDown.name(), withProviderDown.clientId(), "any-code", null).then(), 400, "provider_unavailable");
    }

    @Test
    void aTenantWithoutProvider_is400() {
        isError(socialLogin(withoutSocialLogin.name(), withoutSocialLogin.clientId(), "any-code", null).then(), 400, "bad_request");
    }

    @Test
    void withoutCode_is400() {
        isError(as(anonymousLogin(socialTenant, socialClient).<String>path("access_token")).queryParam("redirect_uri", REDIRECT)
                .post("/customer/{tenant}/socialLogin", socialTenant).then(), 400, "bad_request");
    }
}
