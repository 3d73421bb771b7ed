package org.opencommerce.customer.it;

import io.restassured.response.ValidatableResponse;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** Assertions on the spec's error bodies. */
public final class Faults {

    private Faults() {
    }

    /** 401 in the spec's fault shape. */
    public static ValidatableResponse isFault(ValidatableResponse response, String errorcode) {
        return response.statusCode(401)
                .body("fault.faultstring", notNullValue())
                .body("fault.detail.errorcode", equalTo(errorcode));
    }

    public static ValidatableResponse isInvalidToken(ValidatableResponse response) {
        return isFault(response, "oauth.v2.InvalidAccessToken");
    }

    /** An ErrorMessage with the status repeated in the body and no stack trace. */
    public static ValidatableResponse isError(ValidatableResponse response, int status, String type) {
        return response.statusCode(status)
                .body("status", equalTo(status))
                .body("type", equalTo(type))
                .body("message", notNullValue())
                .body("$", not(hasKey("stackTrace")));
    }

    /** A 400 whose details name the given field. */
    public static ValidatableResponse isInvalidField(ValidatableResponse response, String field) {
        return response.statusCode(400)
                .body("status", equalTo(400))
                .body("details.field", org.hamcrest.Matchers.hasItem(field))
                .body("details.type", everyItem(notNullValue()));
    }
}
