package org.opencommerce.customer.it;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.opencommerce.customer.it.Api.PASSWORD;
import static org.opencommerce.customer.it.Api.admin;
import static org.opencommerce.customer.it.Api.anonymousLogin;
import static org.opencommerce.customer.it.Api.givenOutsideSpec;
import static org.opencommerce.customer.it.Api.login;
import static org.opencommerce.customer.it.Api.signup;
import static org.opencommerce.customer.it.Api.uniqueEmail;
import static org.opencommerce.customer.it.Faults.isError;
import static org.opencommerce.customer.it.Faults.isFault;
import static org.opencommerce.customer.it.Faults.isInvalidField;

class AdminIT extends ServiceDeployment {

    private static String newTenantName() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static Response createTenant(Map<String, Object> settings) {
        return admin().contentType(ContentType.JSON).body(settings).post("/admin/tenants");
    }

    private static String createTenantWithClient() {
        String tenant = newTenantName();
        createTenant(Map.of("tenant", tenant)).then().statusCode(201);
        return tenant;
    }

    private static String addClient(String tenant) {
        return admin().contentType(ContentType.JSON).body(Map.of("name", "web shop"))
                .post("/admin/tenants/{tenant}/clients", tenant).then().statusCode(201)
                .body("name", equalTo("web shop")).extract().path("clientId");
    }

    private static Response patchTenant(String tenant, Object patch) {
        return admin().contentType("application/merge-patch+json").body(patch).patch("/admin/tenants/{tenant}", tenant);
    }

    @Test
    void adminApi_withoutAValidOperatorToken_is401() {
        isFault(givenOutsideSpec().get("/admin/tenants").then(), "oauth.v2.InvalidAccessToken")
                .header("WWW-Authenticate", containsString("Bearer"));
        isFault(givenOutsideSpec().auth().preemptive().basic(Api.OPERATOR, Api.OPERATOR_SECRET).get("/admin/tenants").then(),
                "oauth.v2.InvalidAccessToken");
        isFault(givenOutsideSpec().auth().oauth2("not.a.token").get("/admin/tenants").then(), "oauth.v2.InvalidAccessToken");
    }

    @Test
    void adminApi_forStorefrontAndBackOfficeTokens_is403() {
        isError(Api.as(Api.anonymousToken()).get("/admin/tenants").then(), 403, "forbidden");
        String tenant = createTenantWithClient();
        Map<String, String> client = ApiClientIT.register(tenant, "customer.customer_read");
        String token = Api.clientToken(client.get("clientId"), client.get("secret")).path("access_token");
        isError(givenOutsideSpec().auth().oauth2(token).get("/admin/tenants").then(), 403, "forbidden");
        isError(givenOutsideSpec().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("tenant", newTenantName()))
                .post("/admin/tenants").then(), 403, "forbidden");
    }

    @Test
    void operatorToken_isAClientCredentialsToken() {
        Api.clientToken(Api.OPERATOR, Api.OPERATOR_SECRET).then().statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("token_type", equalTo("Bearer"))
                .body("scope", equalTo("admin"))
                .body("expires_in", equalTo(300));
        isFault(Api.clientToken(Api.OPERATOR, "wrong").then(), "oauth.v2.InvalidClientCredentials")
                .header("WWW-Authenticate", containsString("Basic"));
    }

    @Test
    void everyChange_isAudited_withItsOperatorAndFieldNamesOnly() {
        String tenant = createTenantWithClient();
        String clientId = addClient(tenant);
        patchTenant(tenant, Map.of("doubleOptIn", true, "socialLogin", Map.of("issuer", "https://idp.example.com",
                "clientId", "shop", "clientSecret", "audit-must-not-show-this"))).then().statusCode(200);
        admin().delete("/admin/tenants/{tenant}/clients/{clientId}", tenant, clientId).then().statusCode(204);
        Response trail = admin().queryParam("tenant", tenant).get("/admin/audit");
        trail.then().statusCode(200)
                .body("action", equalTo(java.util.List.of("client.revoke", "tenant.update", "client.create", "tenant.create")))
                .body("actor", everyItem(equalTo(Api.OPERATOR)))
                .body("tenant", everyItem(equalTo(tenant)))
                .body("[0].target", equalTo(clientId))
                .body("[1].fields", equalTo(java.util.List.of("doubleOptIn", "socialLogin")))
                .body("at", everyItem(matchesPattern("\\d{4}-.*Z")))
                .body(not(containsString("audit-must-not-show-this")));
        admin().queryParam("limit", 2).get("/admin/audit").then().statusCode(200).body("size()", equalTo(2));
        isError(admin().queryParam("limit", 0).get("/admin/audit").then(), 400, "validation_failure");
        isError(admin().queryParam("tenant", "Bad-Name").get("/admin/audit").then(), 400, "bad_request");
    }

    @Test
    void newTenantAndClient_canRunAWholeStorefrontSession() {
        String tenant = createTenantWithClient();
        String clientId = addClient(tenant);
        String anonymous = anonymousLogin(tenant, clientId).then().statusCode(200).extract().path("access_token");
        Api.loggedInCustomer(tenant, anonymous, uniqueEmail("tenant"));
        admin().get("/admin/tenants/{tenant}/clients", tenant).then().statusCode(200).body("clientId", hasItem(clientId));
    }

    @Test
    void create_answersTheDefaults() {
        String tenant = newTenantName();
        createTenant(Map.of("tenant", tenant)).then().statusCode(201)
                .body("tenant", equalTo(tenant))
                .body("doubleOptIn", equalTo(false))
                .body("anonymousTokenTtlSeconds", equalTo(3599))
                .body("customerTokenTtlSeconds", equalTo(2591999))
                .body("refreshTokenTtlSeconds", equalTo(86399));
        admin().get("/admin/tenants").then().statusCode(200).body("tenant", hasItem(tenant));
        admin().get("/admin/tenants/{tenant}", tenant).then().statusCode(200).body("tenant", equalTo(tenant));
    }

    @Test
    void create_anExistingTenant_is409AndABadName_is400() {
        String tenant = createTenantWithClient();
        isError(createTenant(Map.of("tenant", tenant)).then(), 409, "conflict_resource");
        isError(createTenant(Map.of("tenant", "Bad-Name")).then(), 400, "validation_failure");
        isError(createTenant(Map.of()).then(), 400, "bad_request");
    }

    @Test
    void get_anUnknownTenant_is404() {
        isError(admin().get("/admin/tenants/{tenant}", "nosuchtenant").then(), 404, "resource_not_found");
    }

    @Test
    void revokedClient_cannotLogInAnonymously() {
        String tenant = createTenantWithClient();
        String clientId = addClient(tenant);
        anonymousLogin(tenant, clientId).then().statusCode(200);
        admin().delete("/admin/tenants/{tenant}/clients/{clientId}", tenant, clientId).then().statusCode(204);
        isFault(anonymousLogin(tenant, clientId).then(), "oauth.v2.InvalidApiKey");
        isError(admin().delete("/admin/tenants/{tenant}/clients/{clientId}", tenant, clientId).then(), 404, "resource_not_found");
    }

    @Test
    void doubleOptIn_switchesSignupBehaviourAtOnce() {
        String tenant = createTenantWithClient();
        String clientId = addClient(tenant);
        patchTenant(tenant, Map.of("doubleOptIn", true)).then().statusCode(200).body("doubleOptIn", equalTo(true));
        String anonymous = anonymousLogin(tenant, clientId).path("access_token");
        String email = uniqueEmail("doi");
        signup(anonymous, tenant, Map.of("email", email, "password", PASSWORD)).then().statusCode(201);
        isFault(login(anonymous, tenant, email, PASSWORD).then(), "customer.account_not_activated");
        Mailbox.awaitMail(email);
    }

    @Test
    void tokenLifetimes_changeExpiresIn() {
        String tenant = createTenantWithClient();
        String clientId = addClient(tenant);
        patchTenant(tenant, Map.of("anonymousTokenTtlSeconds", 600, "customerTokenTtlSeconds", 7200,
                "refreshTokenTtlSeconds", 3600)).then().statusCode(200);
        Response anonymous = anonymousLogin(tenant, clientId);
        anonymous.then().body("expires_in", equalTo(600)).body("refresh_token_expires_in", equalTo(3600));
        String email = uniqueEmail("ttl");
        signup(anonymous.path("access_token"), tenant, Map.of("email", email, "password", PASSWORD)).then().statusCode(201);
        login(anonymous.path("access_token"), tenant, email, PASSWORD).then().body("expires_in", equalTo(7200));
    }

    @Test
    void socialLoginSecret_isWriteOnly() {
        String tenant = createTenantWithClient();
        String secret = "very-secret-" + UUID.randomUUID();
        patchTenant(tenant, Map.of("socialLogin", Map.of("issuer", "https://idp.example.com", "clientId", "shop",
                "clientSecret", secret, "scopes", "openid email profile"))).then().statusCode(200)
                .body(not(containsString(secret)))
                .body("socialLogin.clientSecretSet", equalTo(true))
                .body("socialLogin.clientSecret", nullValue());
        String stored = TestDatabase.singleString("SELECT social_client_secret FROM tenant WHERE name = ?", tenant);
        org.hamcrest.MatcherAssert.assertThat("encrypted at rest", stored, org.hamcrest.Matchers.startsWith("aesgcm:v1:"));
        org.hamcrest.MatcherAssert.assertThat(stored, not(containsString(secret)));
        patchTenant(tenant, Map.of("socialLogin", Map.of("scopes", "openid"))).then().statusCode(200)
                .body("socialLogin.clientSecretSet", equalTo(true))
                .body("socialLogin.scopes", equalTo("openid"));
        admin().get("/admin/tenants").then().body(not(containsString(secret)));
        Map<String, Object> removal = new HashMap<>();
        removal.put("socialLogin", null);
        patchTenant(tenant, removal).then().statusCode(200).body("socialLogin", nullValue());
    }

    @Test
    void passwordPolicy_isAppliedToSignup() {
        String tenant = createTenantWithClient();
        String clientId = addClient(tenant);
        patchTenant(tenant, Map.of("passwordPolicy", Map.of("minLength", 20))).then().statusCode(200)
                .body("passwordPolicy.minLength", equalTo(20));
        String anonymous = anonymousLogin(tenant, clientId).path("access_token");
        isInvalidField(signup(anonymous, tenant, Map.of("email", uniqueEmail("pw"), "password", PASSWORD)).then(), "password");
    }

    @Test
    void patch_withInvalidSettings_is400() {
        String tenant = createTenantWithClient();
        isInvalidField(patchTenant(tenant, Map.of("anonymousTokenTtlSeconds", 4)).then(), "anonymousTokenTtlSeconds");
        isInvalidField(patchTenant(tenant, Map.of("optInUrl", "https://shop.example.com/activate")).then(), "optInUrl");
        isError(patchTenant(tenant, Map.of("tenant", "othername")).then(), 400, "bad_request");
    }

    @Test
    void storefrontLinks_areTakenFromTheTenant() {
        String tenant = createTenantWithClient();
        String clientId = addClient(tenant);
        patchTenant(tenant, Map.of("doubleOptIn", true, "optInUrl", "https://shop.example.com/welcome/{token}")).then().statusCode(200);
        String email = uniqueEmail("link");
        signup(anonymousLogin(tenant, clientId).path("access_token"), tenant, Map.of("email", email, "password", PASSWORD))
                .then().statusCode(201);
        org.hamcrest.MatcherAssert.assertThat(Mailbox.text(Mailbox.awaitMail(email)),
                matchesPattern("(?s).*https://shop\\.example\\.com/welcome/[A-Za-z0-9_-]{43}.*"));
    }

    @Test
    void delete_refusesATenantWithCustomersUnlessForced() {
        String tenant = createTenantWithClient();
        String clientId = addClient(tenant);
        String anonymous = anonymousLogin(tenant, clientId).path("access_token");
        signup(anonymous, tenant, Map.of("email", uniqueEmail("del"), "password", PASSWORD)).then().statusCode(201);

        isError(admin().delete("/admin/tenants/{tenant}", tenant).then(), 409, "conflict_resource");
        admin().queryParam("force", true).delete("/admin/tenants/{tenant}", tenant).then().statusCode(204);

        isError(admin().get("/admin/tenants/{tenant}", tenant).then(), 404, "resource_not_found");
        isError(anonymousLogin(tenant, clientId).then(), 400, "bad_request");
        Faults.isInvalidToken(Api.as(anonymous).get("/customer/{tenant}/me", tenant).then());
    }

    @Test
    void adminCenter_isServedOverHttpsBehindALogin() {
        int status = io.restassured.RestAssured.given().relaxedHTTPSValidation().redirects().follow(false)
                .get("https://127.0.0.1:" + Integer.getInteger("it.https.port") + "/adminCenter/").statusCode();
        org.hamcrest.MatcherAssert.assertThat("served, and asking who is there", status,
                org.hamcrest.Matchers.anyOf(equalTo(302), equalTo(401)));
    }

    @Test
    void openapi_describesTheAdminApiUnderItsOwnTag() {
        givenOutsideSpec().get("/openapi").then().statusCode(200)
                .body(containsString("Administration"))
                .body(containsString("admin-create-tenant"));
    }
}
