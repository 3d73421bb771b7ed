package org.opencommerce.customer.it;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.opencommerce.customer.it.Api.admin;
import static org.opencommerce.customer.it.Api.clientToken;
import static org.opencommerce.customer.it.Api.givenOutsideSpec;
import static org.opencommerce.customer.it.Faults.isError;
import static org.opencommerce.customer.it.Faults.isFault;

/** Back-office API clients: registered by the operator, tokens by client credentials, secret rotation, revocation. */
class ApiClientIT extends ServiceDeployment {

    /** Registers a back-office client of the tenant; answers its clientId and secret. */
    static Map<String, String> register(String tenant, String... scopes) {
        Response registered = admin().contentType(ContentType.JSON).body(Map.of("name", "crm", "scopes", List.of(scopes)))
                .post("/admin/tenants/{tenant}/api-clients", tenant);
        registered.then().statusCode(201);
        return Map.of("clientId", registered.path("clientId"), "secret", registered.path("secret"));
    }

    /** Any request with the token: a public operation still refuses a token that is not valid any more. */
    private static Response useToken(String token) {
        return givenOutsideSpec().auth().oauth2(token).queryParam("tenant", Api.TENANT)
                .queryParam("client_id", Api.CLIENT_ID).get("/customerlogin/auth/anonymous/login");
    }

    @Test
    void register_answersTheSecretOnce_andTheListNever() {
        String tenant = Api.newTenantWithClient().name();
        Response registered = admin().contentType(ContentType.JSON)
                .body(Map.of("name", "crm", "scopes", List.of("customer.customer_read", "customer.customer_manage")))
                .post("/admin/tenants/{tenant}/api-clients", tenant);
        registered.then().statusCode(201)
                .header("Cache-Control", containsString("no-store"))
                .body("clientId", matchesPattern("[0-9a-f]{32}"))
                .body("secret", matchesPattern("[A-Za-z0-9_-]{43}"))
                .body("tenant", equalTo(tenant))
                .body("scopes", equalTo(List.of("customer.customer_read", "customer.customer_manage")));
        String clientId = registered.path("clientId");
        admin().get("/admin/tenants/{tenant}/api-clients", tenant).then().statusCode(200)
                .body("clientId", hasItem(clientId))
                .body("[0].secret", nullValue())
                .body(not(containsString((String) registered.path("secret"))));
    }

    @Test
    void register_withUnknownScopesOrTenant_isRefused() {
        String tenant = Api.newTenantWithClient().name();
        isError(admin().contentType(ContentType.JSON).body(Map.of("name", "crm", "scopes", List.of("admin")))
                .post("/admin/tenants/{tenant}/api-clients", tenant).then(), 400, "bad_request");
        isError(admin().contentType(ContentType.JSON).body(Map.of("name", "crm", "scopes", List.of()))
                .post("/admin/tenants/{tenant}/api-clients", tenant).then(), 400, "validation_failure");
        isError(admin().contentType(ContentType.JSON).body(Map.of("name", "crm", "scopes", List.of("customer.customer_read")))
                .post("/admin/tenants/{tenant}/api-clients", "nosuchtenant").then(), 404, "resource_not_found");
    }

    @Test
    void token_carriesTheRequestedScopes_andNoOthers() {
        String tenant = Api.newTenantWithClient().name();
        Map<String, String> client = register(tenant, "customer.customer_read", "customer.import_read");
        clientToken(client.get("clientId"), client.get("secret")).then().statusCode(200)
                .body("token_type", equalTo("Bearer"))
                .body("scope", equalTo("customer.customer_read customer.import_read"))
                .body("access_token", notNullValue());
        givenOutsideSpec().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", client.get("clientId")).formParam("client_secret", client.get("secret"))
                .formParam("scope", "customer.import_read").post("/oauth/token").then().statusCode(200)
                .body("scope", equalTo("customer.import_read"));
        isError(givenOutsideSpec().auth().preemptive().basic(client.get("clientId"), client.get("secret"))
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("scope", "customer.customer_manage").post("/oauth/token").then(), 400, "invalid_scope");
    }

    @Test
    void token_withAnotherGrantTypeOrNoCredentials_isRefused() {
        isError(givenOutsideSpec().auth().preemptive().basic(Api.OPERATOR, Api.OPERATOR_SECRET)
                .contentType(ContentType.URLENC).formParam("grant_type", "password").post("/oauth/token").then(),
                400, "unsupported_grant_type");
        isFault(givenOutsideSpec().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .post("/oauth/token").then(), "oauth.v2.InvalidClientCredentials");
        isFault(givenOutsideSpec().header("Authorization", "Basic !!!").contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").post("/oauth/token").then(), "oauth.v2.InvalidClientCredentials");
        givenOutsideSpec().auth().preemptive().basic(Api.OPERATOR, Api.OPERATOR_SECRET).contentType(ContentType.JSON)
                .body("{}").post("/oauth/token").then().statusCode(415);
    }

    @Test
    void newSecret_replacesTheOld_whileIssuedTokensRunOut() {
        String tenant = Api.newTenantWithClient().name();
        Map<String, String> client = register(tenant, "customer.customer_read");
        String token = clientToken(client.get("clientId"), client.get("secret")).path("access_token");
        String secret = admin().post("/admin/tenants/{tenant}/api-clients/{clientId}/secret", tenant, client.get("clientId"))
                .then().statusCode(200).body("secret", not(equalTo(client.get("secret")))).extract().path("secret");
        isFault(clientToken(client.get("clientId"), client.get("secret")).then(), "oauth.v2.InvalidClientCredentials");
        clientToken(client.get("clientId"), secret).then().statusCode(200);
        useToken(token).then().statusCode(200);
    }

    @Test
    void revokedClient_losesItsTokensAtOnce() {
        String tenant = Api.newTenantWithClient().name();
        Map<String, String> client = register(tenant, "customer.customer_read");
        String token = clientToken(client.get("clientId"), client.get("secret")).path("access_token");
        useToken(token).then().statusCode(200);
        admin().delete("/admin/tenants/{tenant}/api-clients/{clientId}", tenant, client.get("clientId")).then().statusCode(204);
        isFault(useToken(token).then(), "oauth.v2.InvalidAccessToken");
        isFault(clientToken(client.get("clientId"), client.get("secret")).then(), "oauth.v2.InvalidClientCredentials");
        isError(admin().delete("/admin/tenants/{tenant}/api-clients/{clientId}", tenant, client.get("clientId")).then(),
                404, "resource_not_found");
        admin().queryParam("tenant", tenant).get("/admin/audit").then().statusCode(200)
                .body("action", hasItem("api-client.revoke")).body("action", hasItem("api-client.create"));
    }

    @Test
    void wrongSecrets_fromOneAddress_areThrottled() {
        String attacker = ClientAddress.fresh();
        for (int attempt = 0; attempt < 31; attempt++) {
            givenOutsideSpec().header(ClientAddress.HEADER, attacker).auth().preemptive().basic(Api.OPERATOR, "guess" + attempt)
                    .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials").post("/oauth/token");
        }
        isError(givenOutsideSpec().header(ClientAddress.HEADER, attacker).auth().preemptive()
                .basic(Api.OPERATOR, Api.OPERATOR_SECRET).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").post("/oauth/token").then(), 429, "too_many_requests")
                .header("Retry-After", notNullValue());
        clientToken(Api.OPERATOR, Api.OPERATOR_SECRET).then().statusCode(200);
    }
}
