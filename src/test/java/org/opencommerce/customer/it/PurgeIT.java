package org.opencommerce.customer.it;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opencommerce.customer.it.Api.PASSWORD;
import static org.opencommerce.customer.it.Api.TENANT;
import static org.opencommerce.customer.it.Api.as;

/**
 * The purge with the suite's short settings (every 2 s, 10 s retention, 20 s for unconfirmed sign-ups): what no token
 * can use any more goes, what is in use stays.
 */
class PurgeIT extends ServiceDeployment {

    private static String grantOf(String accessToken) {
        return (String) TestTokens.claimMap(accessToken).get("gid");
    }

    private static String count(String sql, Object... parameters) {
        return TestDatabase.singleString(sql, parameters);
    }

    @Test
    void whatNoTokenCanUseAnyMore_isDeleted_andWhatIsInUse_stays() throws Exception {
        Api.Tenant shortLived = Api.newTenantWithClient(Map.of("anonymousTokenTtlSeconds", 5, "customerTokenTtlSeconds", 5,
                "refreshTokenTtlSeconds", 10));
        Response idle = Api.anonymousLogin(shortLived.name(), shortLived.clientId());
        String idleGrant = grantOf(idle.path("access_token"));
        String idleRefresh = idle.path("refresh_token");

        String loggedOut = Api.loggedInCustomer().path("access_token");
        as(loggedOut).queryParam("accessToken", loggedOut).get("/customer/{tenant}/logout", TENANT).then().statusCode(204);

        String resetEmail = Api.signedUpCustomer();
        as(Api.anonymousToken()).contentType("application/json").body(Map.of("email", resetEmail))
                .post("/customer/{tenant}/password/reset", TENANT).then().statusCode(204);
        String resetToken = Mailbox.tokenIn(Mailbox.awaitMail(resetEmail));
        as(Api.anonymousToken()).contentType("application/json").body(Map.of("token", resetToken, "password", "another " + PASSWORD))
                .post("/customer/{tenant}/password/reset/update", TENANT).then().statusCode(204);

        Api.Tenant doubleOptIn = Api.newTenantWithClient(Map.of("doubleOptIn", true));
        String unconfirmed = Api.uniqueEmail("unconfirmed");
        Api.signup(Api.anonymousLogin(doubleOptIn.name(), doubleOptIn.clientId()).path("access_token"), doubleOptIn.name(),
                Map.of("email", unconfirmed, "password", PASSWORD)).then().statusCode(201);

        Response live = Api.loggedInCustomer();
        String liveToken = live.path("access_token");

        Map<String, String[]> gone = new LinkedHashMap<>();
        gone.put("idle grant", new String[]{"SELECT COUNT(*) FROM token_grant WHERE id = ?", idleGrant});
        gone.put("its refresh token", new String[]{"SELECT COUNT(*) FROM refresh_token WHERE token_hash = SHA2(?, 256)", idleRefresh});
        gone.put("revoked grant", new String[]{"SELECT COUNT(*) FROM token_grant WHERE id = ?", grantOf(loggedOut)});
        gone.put("used mailed token", new String[]{"SELECT COUNT(*) FROM email_token WHERE token_hash = SHA2(?, 256)", resetToken});
        gone.put("sent mail", new String[]{"SELECT COUNT(*) FROM outbox_mail WHERE recipient = ?", resetEmail});
        gone.put("unconfirmed sign-up", new String[]{"SELECT COUNT(*) FROM login_account WHERE email = ?", unconfirmed});
        Instant deadline = Instant.now().plus(Duration.ofSeconds(45));
        for (Map.Entry<String, String[]> row : gone.entrySet()) {
            while (!"0".equals(count(row.getValue()[0], row.getValue()[1]))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError(row.getKey() + " was not purged");
                }
                Thread.sleep(500);
            }
        }

        assertEquals("1", count("SELECT COUNT(*) FROM token_grant WHERE id = ?", grantOf(liveToken)));
        assertEquals("1", count("SELECT COUNT(*) FROM refresh_token WHERE token_hash = SHA2(?, 256)",
                live.<String>path("refresh_token")));
        as(liveToken).get("/customer/{tenant}/me", TENANT).then().statusCode(200);
        assertEquals("1", count("SELECT COUNT(*) FROM login_account WHERE email = ?", resetEmail));
    }
}
