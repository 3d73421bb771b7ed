package org.opencommerce.customer.it;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencommerce.customer.it.Api.anonymousLogin;
import static org.opencommerce.customer.it.Api.backOffice;
import static org.opencommerce.customer.it.Api.backOfficeToken;
import static org.opencommerce.customer.it.Api.login;

/** The bulk import with native, foreign and legacy password hashes, and the logins that migrate them. */
class ImportIT extends ServiceDeployment {

    private static final String IMPORT = "/customer/{tenant}/customers/import";
    private static Api.Tenant tenant;
    private static String importer;

    @BeforeAll
    static void tenantWithMigrationWindow() {
        tenant = Api.newTenantWithClient();
        importer = backOfficeToken(tenant.name(), "customer.import_manage", "customer.import_read");
        asImporter().contentType(ContentType.JSON)
                .body(Map.of("retentionEndDate", LocalDate.now(ZoneOffset.UTC).plusDays(30).toString()))
                .post("/customer/{tenant}/config/password-migration-retention", tenant.name()).then().statusCode(200);
    }

    private static RequestSpecification asImporter() {
        return backOffice().auth().oauth2(importer);
    }

    private static String email(int index, String run) {
        return "imported-" + run + "-" + index + "@example.com";
    }

    private static String password(int index) {
        return "imported password " + index;
    }

    /** The customer at index, with a hash of the kind index picks (six kinds in turn). */
    private static Map<String, Object> item(int index, String run) throws Exception {
        String email = email(index, run);
        Map<String, Object> account = new HashMap<>();
        account.put("email", email);
        String password = password(index);
        switch (index % 6) {
            case 0 -> account.put("passwordHash", ImportedHashes.bcrypt(password));
            case 1 -> account.put("passwordHash", ImportedHashes.pbkdf2(password, false));
            case 2 -> account.put("passwordHash", ImportedHashes.pbkdf2(password, true));
            case 3 -> account.put("passwordHash", ImportedHashes.argon2Phc(password));
            case 4 -> account.put("passwordHash", ImportedHashes.shiro(password));
            default -> account.put("legacyAuth", Map.of("algorithm", "hybris-sha512-uid-salt",
                    "hash", ImportedHashes.hybris(password, "uid " + index), "context", Map.of("originalUid", "uid " + index)));
        }
        Map<String, Object> item = new HashMap<>();
        item.put("firstName", "Imported");
        item.put("lastName", "Customer " + index);
        item.put("preferredLanguage", "de_DE");
        item.put("account", account);
        return item;
    }

    private static String anonymous() {
        return anonymousLogin(tenant.name(), tenant.clientId()).then().statusCode(200).extract().path("access_token");
    }

    private static String stored(String column, String email) {
        return TestDatabase.singleString("SELECT " + column + " FROM login_account WHERE tenant = ? AND email = ?",
                tenant.name(), email);
    }

    @Test
    void import200_mixedHashes_thenLoginsMigrateThem() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            items.add(item(i, run));
        }
        Map<String, Object> both = item(7, run);
        ((Map<String, Object>) both.get("account")).put("passwordHash", ImportedHashes.bcrypt("x"));
        ((Map<String, Object>) both.get("account")).put("legacyAuth", Map.of("algorithm", "hybris-sha512-uid-salt", "hash", "x"));
        items.set(7, both);
        Map<String, Object> duplicate = item(13, run);
        ((Map<String, Object>) duplicate.get("account")).put("email", email(0, run).toUpperCase());
        items.set(13, duplicate);
        Map<String, Object> badHash = item(21, run);
        ((Map<String, Object>) badHash.get("account")).put("passwordHash", "md5:5f4dcc3b5aa765d61d8327deb882cf99");
        items.set(21, badHash);
        items.set(33, "not a customer");
        Map<String, Object> mismatch = item(44, run);
        mismatch.put("contactEmail", "someone.else@example.com");
        items.set(44, mismatch);
        Map<String, Object> wrongType = item(50, run);
        wrongType.put("firstName", Map.of("not", "a string"));
        items.set(50, wrongType);

        Response answer = asImporter().contentType(ContentType.JSON).body(items).post(IMPORT, tenant.name());
        answer.then().statusCode(207).body("$", hasSize(200));
        for (int i = 0; i < 200; i++) {
            assertEquals(i, answer.<Integer>path("[" + i + "].index"));
        }
        answer.then().body("[0].code", equalTo(201)).body("[0].status", equalTo("Created"))
                .body("[0].id", matchesPattern("[0-9]+"))
                .body("[7].code", equalTo(400))
                .body("[7].message", equalTo("Exactly one of 'passwordHash' or 'legacyAuth' must be provided in the account"))
                .body("[13].code", equalTo(409)).body("[13].status", equalTo("Conflict"))
                .body("[21].code", equalTo(400)).body("[33].code", equalTo(400))
                .body("[44].code", equalTo(400)).body("[50].code", equalTo(400));
        long created = answer.<List<Integer>>path("code").stream().filter(code -> code == 201).count();
        assertEquals(194, created);

        for (int i : new int[]{0, 1, 2, 3, 4, 5}) {
            String email = email(i, run);
            login(anonymous(), tenant.name(), email, "wrong password").then().statusCode(401);
            login(anonymous(), tenant.name(), email, password(i)).then().statusCode(200)
                    .body("initialPassword", equalTo("false"));
            assertTrue(stored("password_hash", email).startsWith("$shiro2$argon2id$"), "migrated: " + i);
            assertNull(stored("legacy_hash", email), "legacy cleared: " + i);
            login(anonymous(), tenant.name(), email, password(i)).then().statusCode(200);
        }
        assertTrue(stored("password_hash", email(6, run)).startsWith("$2y$"), "not logged in yet: still bcrypt");
        assertEquals("hybris-sha512-uid-salt", stored("legacy_algorithm", email(11, run)));
        backOffice(tenant.name(), "customer.customer_read").queryParam("q", "email:" + email(11, run))
                .get("/customer/{tenant}/customers", tenant.name()).then().statusCode(200)
                .body("[0].preferredLanguage", equalTo("de_DE")).body("[0].contactEmail", equalTo(email(11, run)));
    }

    @Test
    void legacyAuth_withoutAnOpenWindow_isRefusedPerItem() throws Exception {
        Api.Tenant closed = Api.newTenantWithClient();
        String run = UUID.randomUUID().toString().substring(0, 6);
        backOffice(closed.name(), "customer.import_manage").contentType(ContentType.JSON)
                .body(List.of(item(0, run), item(5, run))).post(IMPORT, closed.name()).then().statusCode(207)
                .body("[0].code", equalTo(201)).body("[1].code", equalTo(400))
                .body("[1].details[0].field", equalTo("account.legacyAuth"));
    }

    @Test
    void tooManyItems_isRefusedWhole_andScopesAreChecked() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<Object> items = new ArrayList<>();
        Map<String, Object> one = item(0, run);
        for (int i = 0; i < 201; i++) {
            items.add(one);
        }
        Faults.isError(asImporter().contentType(ContentType.JSON).body(items).post(IMPORT, tenant.name()).then(),
                400, "bad_request");
        Faults.isError(asImporter().contentType(ContentType.JSON).body(Map.of("not", "an array"))
                .post(IMPORT, tenant.name()).then(), 400, "bad_request");
        Faults.isError(backOffice(tenant.name(), "customer.customer_manage").contentType(ContentType.JSON)
                .body(List.of(one)).post(IMPORT, tenant.name()).then(), 403, "forbidden");
        assertNull(stored("password_hash", email(0, run)));
    }
}
