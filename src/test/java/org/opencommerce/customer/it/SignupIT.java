package org.opencommerce.customer.it;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencommerce.customer.it.Api.PASSWORD;
import static org.opencommerce.customer.it.Api.TENANT;
import static org.opencommerce.customer.it.Api.anonymousLogin;
import static org.opencommerce.customer.it.Api.anonymousToken;
import static org.opencommerce.customer.it.Api.as;
import static org.opencommerce.customer.it.Api.given;
import static org.opencommerce.customer.it.Api.login;
import static org.opencommerce.customer.it.Api.signup;
import static org.opencommerce.customer.it.Api.uniqueEmail;
import static org.opencommerce.customer.it.Faults.isError;
import static org.opencommerce.customer.it.Faults.isInvalidField;
import static org.opencommerce.customer.it.Faults.isInvalidToken;

class SignupIT extends ServiceDeployment {

    private static Map<String, Object> minimal(String email) {
        return new HashMap<>(Map.of("email", email, "password", PASSWORD));
    }

    @Test
    void signup_withEmailAndPassword_is201WithTheCustomerNumber() {
        signup(anonymousToken(), TENANT, minimal(uniqueEmail("min"))).then()
                .statusCode(201)
                .body("id", matchesPattern("[0-9]+"));
    }

    @Test
    void signup_withDetailsAndAddress_storesThemInTheProfile() {
        String email = uniqueEmail("full");
        Map<String, Object> body = minimal(email);
        body.put("customerDetails", Map.of("title", "MR", "firstName", "John", "lastName", "Doe", "contactEmail", email,
                "company", "Emporix", "preferredCurrency", "EUR", "preferredLanguage", "de_DE",
                "b2b", Map.of("companyRegistrationId", "123-456-789")));
        body.put("customerAddress", Map.of("contactName", "John Doe", "street", "Platz der Republik", "streetNumber", "1",
                "zipCode", "11011", "city", "Berlin", "country", "DE", "tags", List.of("BILLING", "SHIPPING")));
        signup(anonymousToken(), TENANT, body).then().statusCode(201);

        String token = login(anonymousToken(), TENANT, email, PASSWORD).path("access_token");
        as(token).get("/customer/{tenant}/me", TENANT).then()
                .statusCode(200)
                .body("firstName", equalTo("John"))
                .body("preferredCurrency", equalTo("EUR"))
                .body("preferredLanguage", equalTo("de_DE"))
                // B2B only once the customer belongs to a legal entity (B2bIT)
                .body("businessModel", equalTo("B2C"))
                .body("b2b.companyRegistrationId", equalTo("123-456-789"));
        assertEquals("DE", TestDatabase.singleString(
                "SELECT a.country FROM address a JOIN login_account l ON l.customer_id = a.customer_id WHERE l.email = ? AND a.is_default",
                email));
    }

    @Test
    void signup_withSeparateCredentials_logsInWithTheSignupEmail() {
        String contact = uniqueEmail("contact");
        String loginEmail = uniqueEmail("login");
        Map<String, Object> body = minimal(contact);
        body.put("signup", Map.of("email", loginEmail, "password", "another secret 7"));
        signup(anonymousToken(), TENANT, body).then().statusCode(201);

        login(anonymousToken(), TENANT, loginEmail, "another secret 7").then().statusCode(200);
        Faults.isFault(login(anonymousToken(), TENANT, contact, PASSWORD).then(), "oauth.v2.InvalidCredentials");
    }

    @Test
    void signup_withDuplicateEmail_is409WithTheSpecsMessage() {
        String email = uniqueEmail("dup");
        signup(anonymousToken(), TENANT, minimal(email)).then().statusCode(201);
        isError(signup(anonymousToken(), TENANT, minimal(email.toUpperCase())).then(), 409, "conflict_resource")
                .body("message", equalTo("Duplicate account '" + email + "' for tenant 'demo'."));
    }

    @Test
    void signup_withTheSameEmailInAnotherTenant_isAnotherCustomer() {
        Api.Tenant other = Api.newTenantWithClient();
        String email = uniqueEmail("twotenants");
        signup(anonymousToken(), TENANT, minimal(email)).then().statusCode(201);
        String otherToken = anonymousLogin(other.name(), other.clientId()).path("access_token");
        signup(otherToken, other.name(), minimal(email)).then().statusCode(201);
    }

    @Test
    void signup_ofOneEmailEightTimesAtOnce_createsExactlyOneAccount() throws Exception {
        String email = uniqueEmail("race");
        String token = anonymousToken();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<Integer> attempt = () -> {
                    start.await();
                    return signup(token, TENANT, minimal(email)).statusCode();
                };
                statuses.add(pool.submit(attempt));
            }
            start.countDown();
            int created = 0;
            int conflicts = 0;
            for (Future<Integer> status : statuses) {
                int code = status.get();
                if (code == 201) created++;
                if (code == 409) conflicts++;
            }
            assertEquals(1, created, "one sign-up wins");
            assertEquals(7, conflicts, "the others are conflicts, not errors");
        } finally {
            pool.shutdownNow();
        }
        assertEquals("1", TestDatabase.singleString("SELECT COUNT(*) FROM login_account WHERE email = ?", email));
    }

    @Test
    void signup_withoutEmailOrPassword_is400WithDetails() {
        isInvalidField(signup(anonymousToken(), TENANT, Map.of()).then(), "email")
                .body("details.field", org.hamcrest.Matchers.hasItem("password"));
    }

    @Test
    void signup_withMalformedEmail_is400() {
        isInvalidField(signup(anonymousToken(), TENANT, minimal("not-an-email")).then(), "email");
    }

    @Test
    void signup_withTooShortPassword_is400() {
        Map<String, Object> body = Map.of("email", uniqueEmail("short"), "password", "abc");
        isInvalidField(signup(anonymousToken(), TENANT, body).then(), "password");
    }

    @Test
    void signup_b2bWithoutNamesAndCompany_is400() {
        Map<String, Object> body = minimal(uniqueEmail("b2b"));
        body.put("customerDetails", Map.of("b2b", Map.of("companyRegistrationId", "42")));
        isInvalidField(signup(anonymousToken(), TENANT, body).then(), "customerDetails.company")
                .body("details.field", org.hamcrest.Matchers.hasItems("customerDetails.firstName", "customerDetails.lastName"));
    }

    @Test
    void signup_withContactEmailOtherThanEmail_is400() {
        Map<String, Object> body = minimal(uniqueEmail("contact"));
        body.put("customerDetails", Map.of("contactEmail", "someone.else@example.com"));
        isInvalidField(signup(anonymousToken(), TENANT, body).then(), "customerDetails.contactEmail");
    }

    @Test
    void signup_withBadCurrencyAndCountry_is400() {
        Map<String, Object> body = minimal(uniqueEmail("bad"));
        body.put("customerDetails", Map.of("preferredCurrency", "EURO"));
        body.put("customerAddress", Map.of("contactName", "X", "country", "Germany"));
        isInvalidField(signup(anonymousToken(), TENANT, body).then(), "customerDetails.preferredCurrency")
                .body("details.field", org.hamcrest.Matchers.hasItem("customerAddress.country"));
    }

    @Test
    void signup_addressWithoutContactName_is400() {
        Map<String, Object> body = minimal(uniqueEmail("addr"));
        body.put("customerAddress", Map.of("city", "Berlin"));
        isInvalidField(signup(anonymousToken(), TENANT, body).then(), "customerAddress.contactName");
    }

    @Test
    void signup_withMalformedJson_is400NotA500() {
        isError(as(anonymousToken()).contentType(ContentType.JSON).body("{\"email\": ")
                .post("/customer/{tenant}/signup", TENANT).then(), 400, "bad_request");
        isError(as(anonymousToken()).contentType(ContentType.JSON).body("[1,2]")
                .post("/customer/{tenant}/signup", TENANT).then(), 400, "bad_request");
    }

    @Test
    void signup_withEmptyBody_is400() {
        isError(as(anonymousToken()).contentType(ContentType.JSON)
                .post("/customer/{tenant}/signup", TENANT).then(), 400, "bad_request");
    }

    @Test
    void signup_withoutToken_is401() {
        isInvalidToken(given().contentType(ContentType.JSON).body(minimal(uniqueEmail("anon")))
                .post("/customer/{tenant}/signup", TENANT).then());
    }

    @Test
    void signup_withTokenOfAnotherTenant_is401() {
        Api.Tenant other = Api.newTenantWithClient();
        String otherToken = anonymousLogin(other.name(), other.clientId()).path("access_token");
        isInvalidToken(signup(otherToken, TENANT, minimal(uniqueEmail("cross"))).then());
    }

    @Test
    void signup_storesAnArgon2idHashWithTheDefaultParameters_notThePassword() {
        String email = uniqueEmail("hash");
        signup(anonymousToken(), TENANT, minimal(email)).then().statusCode(201);
        String stored = TestDatabase.singleString("SELECT password_hash FROM login_account WHERE email = ?", email);
        // OWASP's m=7 MiB, t=5 setting (docs/decisions.md, "Password hashing parameters"); the suite sets none.
        assertTrue(stored.startsWith("$shiro2$argon2id$v=19$t=5,m=7168,p=1$"), stored);
        assertTrue(!stored.contains(PASSWORD));
    }
}
