package org.opencommerce.customer.it;

import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.opencommerce.customer.it.Api.PASSWORD;
import static org.opencommerce.customer.it.Api.TENANT;
import static org.opencommerce.customer.it.Api.anonymousToken;
import static org.opencommerce.customer.it.Api.as;
import static org.opencommerce.customer.it.Api.given;
import static org.opencommerce.customer.it.Api.login;
import static org.opencommerce.customer.it.Api.signedUpCustomer;
import static org.opencommerce.customer.it.Faults.isInvalidToken;

class MeIT extends ServiceDeployment {

    @Test
    void me_withAnAnonymousToken_isTheAnonymousStub() {
        as(anonymousToken()).get("/customer/{tenant}/me", TENANT).then()
                .statusCode(200)
                .body("firstName", equalTo("Anonymous"))
                .body("lastName", equalTo("Anonymous"))
                .body("customerNumber", equalTo("00000000"))
                .body("id", equalTo("00000000"))
                .body("preferredSite", equalTo("default"))
                .body("accounts", hasSize(0));
    }

    @Test
    void me_withACustomerToken_isTheProfileWithDefaults() {
        String email = signedUpCustomer();
        String token = login(anonymousToken(), TENANT, email, PASSWORD).path("access_token");
        as(token).get("/customer/{tenant}/me", TENANT).then()
                .statusCode(200)
                .body("id", matchesPattern("[0-9]+"))
                .body("customerNumber", matchesPattern("[0-9]+"))
                .body("firstName", equalTo("Ada"))
                .body("lastName", equalTo("Lovelace"))
                .body("contactEmail", equalTo(email))
                .body("preferredLanguage", equalTo("en_US"))
                .body("preferredCurrency", equalTo("USD"))
                .body("preferredSite", equalTo("main"))
                .body("businessModel", equalTo("B2C"))
                .body("accounts.id", org.hamcrest.Matchers.contains(email))
                .body("metadata.version", equalTo(1));
    }

    @Test
    void me_withoutToken_is401() {
        isInvalidToken(given().get("/customer/{tenant}/me", TENANT).then());
    }
}
