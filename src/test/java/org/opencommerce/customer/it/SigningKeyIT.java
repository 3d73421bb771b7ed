package org.opencommerce.customer.it;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.jose4j.jwx.JsonWebStructure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.opencommerce.customer.it.Api.anonymousLogin;
import static org.opencommerce.customer.it.Api.as;
import static org.opencommerce.customer.it.Api.givenOutsideSpec;
import static org.opencommerce.customer.it.Faults.isError;
import static org.opencommerce.customer.it.Faults.isInvalidToken;

/** Signing keys in the database, published as a JWKS, rotated without logging anyone out, retired. */
class SigningKeyIT extends ServiceDeployment {

    private static String kidOf(String token) {
        try {
            return JsonWebStructure.fromCompactSerialization(token).getKeyIdHeaderValue();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> publishedKids() {
        return givenOutsideSpec().get("/.well-known/jwks.json").then().statusCode(200).extract().path("keys.kid");
    }

    /** On the node that published it at once, on every node within KEY_REFRESH_MILLIS. */
    private static void awaitPublished(String kid) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(2);
        while (!publishedKids().contains(kid)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("key " + kid + " is not published");
            }
            Thread.sleep(100);
        }
    }

    /** An operator of this test's own: its token is signed before the rotations, so it signs nothing during them. */
    private static RequestSpecification operator(String token) {
        return givenOutsideSpec().auth().oauth2(token);
    }

    static String stateOf(String operatorToken, String kid) {
        return operator(operatorToken).get("/admin/signing-keys").then().statusCode(200).extract()
                .path("find { it.kid == '" + kid + "' }.state");
    }

    static void awaitState(String operatorToken, String kid, String state, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (!state.equals(stateOf(operatorToken, kid))) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("key " + kid + " is " + stateOf(operatorToken, kid) + ", not " + state
                        + ", after " + within);
            }
            Thread.sleep(200);
        }
    }

    static String rotate(String operatorToken, int signsInSeconds) {
        return operator(operatorToken).contentType(ContentType.JSON).body(Map.of("signsInSeconds", signsInSeconds))
                .post("/admin/signing-keys").then().statusCode(201).body("state", equalTo("published"))
                .extract().path("kid");
    }

    @Test
    void jwks_publishesTheKeyThatSignedEachToken_andNoPrivateParts() {
        String kid = kidOf(Api.anonymousToken());
        givenOutsideSpec().get("/.well-known/jwks.json").then().statusCode(200)
                .header("Cache-Control", containsString("max-age"))
                .body("keys.kid", hasItem(kid))
                .body("keys.kty", everyItem(equalTo("RSA")))
                .body("keys.use", everyItem(equalTo("sig")))
                .body("keys.alg", everyItem(equalTo("RS256")))
                .body(not(containsString("\"d\"")));
        assertThat(publishedKids(), hasItem(kidOf(Api.loggedInCustomer().path("access_token"))));
    }

    @Test
    void rotation_logsNobodyOut_andTheOldKeyRetiresAfterItsLastToken_orWhenTheOperatorSays() throws Exception {
        String operatorToken = Api.clientToken(Api.OPERATOR, Api.OPERATOR_SECRET).path("access_token");
        Api.Tenant shop = Api.newTenantWithClient(Map.of("anonymousTokenTtlSeconds", 5, "customerTokenTtlSeconds", 5));

        String second = rotate(operatorToken, 2);
        awaitPublished(second);
        isError(operator(operatorToken).contentType(ContentType.JSON).body(Map.of()).post("/admin/signing-keys").then(),
                409, "conflict_resource");
        awaitState(operatorToken, second, "signing", Duration.ofSeconds(5));
        String anonymous = anonymousLogin(shop.name(), shop.clientId()).path("access_token");
        assertThat(kidOf(anonymous), equalTo(second));
        String email = Api.uniqueEmail("rotation");
        String customer = Api.loggedInCustomer(shop.name(), anonymous, email).path("access_token");

        String third = rotate(operatorToken, 2);
        awaitState(operatorToken, third, "signing", Duration.ofSeconds(5));
        assertThat(stateOf(operatorToken, second), equalTo("verifying"));
        as(customer).get("/customer/{tenant}/me", shop.name()).then().statusCode(200).body("contactEmail", equalTo(email));
        assertThat(kidOf(Api.anonymousToken()), equalTo(third));

        awaitState(operatorToken, second, "retired", Duration.ofSeconds(15));
        assertThat(publishedKids(), not(hasItem(second)));

        String signedByThird = Api.anonymousToken();
        String fourth = rotate(operatorToken, 1);
        awaitState(operatorToken, fourth, "signing", Duration.ofSeconds(5));
        as(signedByThird).get("/customer/{tenant}/validateauthtoken", Api.TENANT).then().statusCode(200);
        operator(operatorToken).delete("/admin/signing-keys/{kid}", third).then().statusCode(204);
        isInvalidToken(as(signedByThird).get("/customer/{tenant}/validateauthtoken", Api.TENANT).then());
        assertThat(publishedKids(), not(hasItem(third)));
        assertThat(kidOf(Api.anonymousToken()), equalTo(fourth));

        operator(operatorToken).get("/admin/audit").then().statusCode(200)
                .body("findAll { it.action == 'signing-key.create' }.target", hasItem(fourth))
                .body("findAll { it.action == 'signing-key.retire' }.target", hasItem(third));
    }

    @Test
    void retiring_theKeyThatSigns_is409_andAnUnknownKey_is404() {
        String signing = kidOf(Api.anonymousToken());
        isError(Api.admin().delete("/admin/signing-keys/{kid}", signing).then(), 409, "conflict_resource");
        isError(Api.admin().delete("/admin/signing-keys/{kid}", "no-such-key").then(), 404, "resource_not_found");
        isError(Api.admin().contentType(ContentType.JSON).body(Map.of("signsInSeconds", -1)).post("/admin/signing-keys").then(),
                400, "validation_failure");
    }
}
