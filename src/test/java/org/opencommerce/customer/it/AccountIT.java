package org.opencommerce.customer.it;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.opencommerce.customer.it.Api.PASSWORD;
import static org.opencommerce.customer.it.Api.TENANT;
import static org.opencommerce.customer.it.Api.anonymousToken;
import static org.opencommerce.customer.it.Api.as;
import static org.opencommerce.customer.it.Api.login;
import static org.opencommerce.customer.it.Api.signedUpCustomer;
import static org.opencommerce.customer.it.Api.uniqueEmail;
import static org.opencommerce.customer.it.Faults.isError;
import static org.opencommerce.customer.it.Faults.isFault;
import static org.opencommerce.customer.it.Faults.isInvalidField;
import static org.opencommerce.customer.it.Faults.isInvalidToken;

class AccountIT extends ServiceDeployment {

    private static final String INTERNAL = "/customer/{tenant}/me/accounts/internal";

    private static Response addLogin(String token, String email, String password) {
        return as(token).contentType(ContentType.JSON).body(Map.of("email", email, "password", password)).post(INTERNAL, TENANT);
    }

    private static Response confirm(String mailedToken) {
        return as(anonymousToken()).get("/customer/{tenant}/signup/optin/{token}", TENANT, mailedToken);
    }

    @Test
    void addLogin_isPendingUntilItsAddressConfirms_thenLetsTheCustomerLogInWithTheNewEmailToo() {
        String email = signedUpCustomer();
        Response first = login(anonymousToken(), TENANT, email, PASSWORD);
        String token = first.path("access_token");
        String customerNumber = as(token).get("/customer/{tenant}/me", TENANT).path("customerNumber");
        String second = uniqueEmail("second");

        addLogin(token, second, "second secret 9").then().statusCode(201).body("id", equalTo(customerNumber));
        isFault(login(anonymousToken(), TENANT, second, "second secret 9").then(), "customer.account_not_activated");
        confirm(Mailbox.tokenIn(Mailbox.awaitMail(second))).then().statusCode(200);

        String secondToken = login(anonymousToken(), TENANT, second, "second secret 9").path("access_token");
        as(secondToken).get("/customer/{tenant}/me", TENANT).then()
                .body("customerNumber", equalTo(customerNumber))
                .body("accounts.id", contains(email, second));
    }

    @Test
    void addLogin_withAnEmailTakenInTheTenant_is409() {
        String taken = signedUpCustomer();
        String token = login(anonymousToken(), TENANT, signedUpCustomer(), PASSWORD).path("access_token");
        isError(addLogin(token, taken, "another secret 1").then(), 409, "conflict_resource")
                .body("message", equalTo("Duplicate account '" + taken + "' for tenant 'demo'."));
    }

    @Test
    void aPendingClaim_neverBlocksTheAddressOwnersSignup_andItsLinkDiesWithIt() {
        String squatter = login(anonymousToken(), TENANT, signedUpCustomer(), PASSWORD).path("access_token");
        String victim = uniqueEmail("victim");
        addLogin(squatter, victim, "squatter secret 3").then().statusCode(201);
        String link = Mailbox.tokenIn(Mailbox.awaitMail(victim));

        Api.signup(anonymousToken(), TENANT, Map.of("email", victim, "password", PASSWORD)).then().statusCode(201);
        isError(confirm(link).then(), 400, "invalid_token");
        isFault(login(anonymousToken(), TENANT, victim, "squatter secret 3").then(), "oauth.v2.InvalidCredentials");
        login(anonymousToken(), TENANT, victim, PASSWORD).then().statusCode(200);
    }

    @Test
    void addLogin_withACommonPassword_is400() {
        String token = login(anonymousToken(), TENANT, signedUpCustomer(), PASSWORD).path("access_token");
        isInvalidField(addLogin(token, uniqueEmail("weak"), "password123").then(), "password")
                .body("details[0].message", org.hamcrest.Matchers.containsString("too common"));
    }

    @Test
    void addLogin_withBadInput_is400() {
        String token = login(anonymousToken(), TENANT, signedUpCustomer(), PASSWORD).path("access_token");
        isInvalidField(addLogin(token, "not-an-email", "another secret 1").then(), "email");
        isInvalidField(addLogin(token, uniqueEmail("short"), "abc").then(), "password");
    }

    @Test
    void addLogin_refusesAnonymousAndMissingTokens() {
        isError(addLogin(anonymousToken(), uniqueEmail("anon"), "another secret 1").then(), 403, "forbidden");
        isInvalidToken(Api.given().contentType(ContentType.JSON)
                .body(Map.of("email", uniqueEmail("none"), "password", "another secret 1")).post(INTERNAL, TENANT).then());
    }
}
