package org.opencommerce.customer.it;

import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.opencommerce.customer.it.Api.givenOutsideSpec;

class PlatformIT extends ServiceDeployment {

    @Test
    void readiness_isUpWhenTheDatabaseAnswers() {
        givenOutsideSpec().get("/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem("database"));
    }

    @Test
    void openapi_describesTheImplementedOperationsWithTheSpecsIds() {
        givenOutsideSpec().get("/openapi").then()
                .statusCode(200)
                .body(containsString("GET-oauth-generate-anonymous-access-token"))
                .body(containsString("POST-customer-create-customer-account"))
                .body(containsString("POST-customer-authenticate-customer"))
                .body(containsString("GET-customer-retrieve-customer-profile"));
    }

    @Test
    void swaggerUi_isReachable() {
        givenOutsideSpec().get("/openapi/ui/").then().statusCode(200).body(containsString("<html"));
    }

    @Test
    void theServersOwn401_getsTheFaultBody() {
        // what a server that refuses a token before the application (Payara) forwards to: web.xml's 401 error page
        String expired = TestTokens.expired(Api.anonymousToken());
        Faults.isFault(givenOutsideSpec().header("Authorization", "Bearer " + expired).get("/errors/unauthorized").then(),
                "keymanagement.service.access_token_expired");
        Faults.isInvalidToken(givenOutsideSpec().header("Authorization", "Bearer x.y.z").post("/errors/unauthorized").then());
    }

    @Test
    void unknownPath_is404ErrorMessage() {
        Faults.isError(givenOutsideSpec().get("/customer/demo/no-such-thing").then(), 404, "resource_not_found");
    }
}
