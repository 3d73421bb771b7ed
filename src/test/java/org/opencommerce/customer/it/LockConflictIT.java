package org.opencommerce.customer.it;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opencommerce.customer.it.Api.TENANT;
import static org.opencommerce.customer.it.Api.as;

/**
 * Row-lock conflicts with another transaction (here one the test holds in the database): the service's transaction
 * times out waiting (the suite's database gives up after 2 s) or loses a deadlock, and the operation is run again in a
 * new transaction — the client sees a success, not a 5xx.
 */
class LockConflictIT extends ServiceDeployment {

    private static CompletableFuture<Response> patchFirstName(String token, String firstName) {
        return CompletableFuture.supplyAsync(() -> as(token).contentType("application/merge-patch+json")
                .body(Map.of("firstName", firstName)).patch("/customer/{tenant}/me", TENANT));
    }

    private static long customerOf(String token) {
        return Long.parseLong(as(token).get("/customer/{tenant}/me", TENANT).then().statusCode(200).extract().path("id"));
    }

    @Test
    void aLockHeldLongerThanTheLockWait_isWaitedOutByARetry() throws Exception {
        String token = Api.loggedInCustomer().path("access_token");
        long customer = customerOf(token);
        CompletableFuture<Response> patch;
        try (Connection db = TestDatabase.connect()) {
            db.setAutoCommit(false);
            lockCustomer(db, customer);
            patch = patchFirstName(token, "Patient");
            Thread.sleep(3000); // longer than one lock wait (2 s): the first attempt gave up, a retry waits
            db.commit();
        }
        patch.get(20, TimeUnit.SECONDS).then().statusCode(200).body("firstName", equalTo("Patient"));
    }

    @Test
    void aDeadlockWithAnotherTransaction_endsWithTheOperationDone() throws Exception {
        String token = Api.loggedInCustomer().path("access_token");
        long customer = customerOf(token);
        String addressId = as(token).contentType(ContentType.JSON).body(Map.of("contactName", "Ada", "country", "DE"))
                .post("/customer/{tenant}/me/addresses", TENANT).then().statusCode(201).extract().path("id");
        CompletableFuture<Response> patch;
        try (Connection db = TestDatabase.connect()) {
            db.setAutoCommit(false);
            try (PreparedStatement lockAddress = db.prepareStatement("SELECT id FROM address WHERE id = ? FOR UPDATE")) {
                lockAddress.setString(1, addressId);
                lockAddress.executeQuery().close();
            }
            // the service locks the customer, then waits for the address this transaction holds ...
            patch = CompletableFuture.supplyAsync(() -> as(token).contentType("application/merge-patch+json")
                    .body(Map.of("city", "Berlin")).patch("/customer/{tenant}/me/addresses/{id}", TENANT, addressId));
            Thread.sleep(700);
            // ... and this transaction now waits for the customer: a deadlock, one of the two is the victim
            try {
                lockCustomer(db, customer);
                db.commit();
            } catch (SQLException victim) {
                assertEquals(1213, victim.getErrorCode(), victim.getMessage());
                db.rollback();
            }
        }
        // whichever transaction was the victim, the service's operation is done
        patch.get(20, TimeUnit.SECONDS).then().statusCode(200).body("city", equalTo("Berlin"));
    }

    private static void lockCustomer(Connection db, long customer) throws SQLException {
        try (PreparedStatement lock = db.prepareStatement(
                "SELECT id FROM customer WHERE tenant = ? AND customer_number = ? FOR UPDATE")) {
            lock.setString(1, TENANT);
            lock.setLong(2, customer);
            try (ResultSet ignored = lock.executeQuery()) {
                // the row is locked until commit or rollback
            }
        }
    }
}
