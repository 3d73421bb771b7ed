package org.opencommerce.customer.it;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opencommerce.customer.it.Api.PASSWORD;
import static org.opencommerce.customer.it.Api.admin;
import static org.opencommerce.customer.it.Api.anonymousLogin;
import static org.opencommerce.customer.it.Api.as;
import static org.opencommerce.customer.it.Api.backOffice;
import static org.opencommerce.customer.it.Api.backOfficeToken;
import static org.opencommerce.customer.it.Api.login;
import static org.opencommerce.customer.it.Api.uniqueEmail;
import static org.opencommerce.customer.it.Faults.isError;
import static org.opencommerce.customer.it.Faults.isInvalidField;

/**
 * Company admins (the tenant-managed API's {@code _own} scopes): a customer token whose customer is an admin of a
 * legal entity manages that company's customers through the seven customer operations, and nothing else.
 */
class CompanyAdminIT extends ServiceDeployment {

    /** A customer number that names no customer. */
    private static final String NOBODY = "999999999999";

    private static Api.Tenant tenant;
    private static String manager;

    @BeforeAll
    static void tenantWithBackOffice() {
        tenant = Api.newTenantWithClient();
        manager = backOfficeToken(tenant.name(), "customer.customer_read", "customer.customer_manage");
    }

    // --- fixtures

    /** A customer of the tenant, created by the back office with a password, and its login. */
    private record Person(String number, String email, String lastName) {
        String token() {
            return loginOf(this).path("access_token");
        }
    }

    private static Response loginOf(Person person) {
        String anonymous = anonymousLogin(tenant.name(), tenant.clientId()).then().statusCode(200).extract().path("access_token");
        return login(anonymous, tenant.name(), person.email(), PASSWORD).then().statusCode(200).extract().response();
    }

    private static Person person(String label) {
        String email = uniqueEmail(label);
        String lastName = label + "-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> body = new HashMap<>();
        body.put("contactEmail", email);
        body.put("firstName", "Pat");
        body.put("lastName", lastName);
        body.put("password", PASSWORD);
        String number = backOffice().auth().oauth2(manager).contentType(ContentType.JSON).body(body)
                .post("/customer/{tenant}/customers", tenant.name()).then().statusCode(201).extract().path("id");
        return new Person(number, email, lastName);
    }

    private static String company(String name) {
        String id = "co-" + UUID.randomUUID().toString().substring(0, 8);
        admin().contentType(ContentType.JSON).body(Map.of("id", id, "name", name))
                .post("/admin/tenants/{tenant}/legal-entities", tenant.name()).then().statusCode(201);
        return id;
    }

    private static void member(String company, Person person) {
        admin().put("/admin/tenants/{tenant}/legal-entities/{id}/members/{customer}", tenant.name(), company, person.number())
                .then().statusCode(204);
    }

    private static void makeAdmin(String company, Person person) {
        admin().put("/admin/tenants/{tenant}/legal-entities/{id}/admins/{customer}", tenant.name(), company, person.number())
                .then().statusCode(204);
    }

    private static RequestSpecification by(String token) {
        return backOffice().auth().oauth2(token);
    }

    /** The customer numbers a list answers. */
    private static List<String> listed(String token, String q) {
        var request = by(token);
        if (q != null) {
            request.queryParam("q", q);
        }
        return request.get("/customer/{tenant}/customers", tenant.name()).then().statusCode(200).extract().path("id");
    }

    private static Map<String, Object> patch(Object... pairs) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    /** The 404 body, with the customer number it names replaced, so that two answers can be compared. */
    private static String notFoundBody(Response response, String number) {
        response.then().statusCode(404);
        return response.asString().replace(number, "N");
    }

    // --- tests

    @Test
    void companyAdmin_listsSearchesReadsAndChangesColleagues_andNobodyElse() {
        String acme = company("ACME");
        String other = company("Other Corp");
        Person alice = person("alice");
        Person bob = person("bob");
        Person carol = person("carol");
        Person dave = person("dave");
        makeAdmin(acme, alice);
        member(acme, bob);
        member(other, carol);
        String token = alice.token();

        assertEquals(List.of(alice.number(), bob.number()),
                by(token).queryParam("sort", "customerNumber").get("/customer/{tenant}/customers", tenant.name()).then()
                        .statusCode(200).header("Count", "2").extract().path("id"));
        assertEquals(List.of(bob.number()), listed(token, "lastName:" + bob.lastName()));
        assertEquals(List.of(), listed(token, "lastName:" + carol.lastName()));
        by(token).contentType(ContentType.JSON).body(Map.of("q", "firstName:Pat"))
                .post("/customer/{tenant}/customers/search", tenant.name()).then().statusCode(200).header("Count", "2")
                .body("id", containsInAnyOrder(alice.number(), bob.number()));

        by(token).get("/customer/{tenant}/customers/{id}", tenant.name(), bob.number()).then().statusCode(200)
                .body("contactEmail", equalTo(bob.email()));
        by(token).contentType(ContentType.JSON).body(patch("company", "ACME Inc."))
                .patch("/customer/{tenant}/customers/{id}", tenant.name(), bob.number()).then().statusCode(200)
                .body("company", equalTo("ACME Inc."));
        by(token).contentType(ContentType.JSON).body(patch("contactEmail", bob.email(), "firstName", "Robert",
                        "lastName", bob.lastName()))
                .put("/customer/{tenant}/customers/{id}", tenant.name(), bob.number()).then().statusCode(204);
        by(manager).get("/customer/{tenant}/customers/{id}", tenant.name(), bob.number()).then().statusCode(200)
                .body("firstName", equalTo("Robert"));
        // an admin may change its own profile
        by(token).contentType(ContentType.JSON).body(patch("contactPhone", "+49 30 1234"))
                .patch("/customer/{tenant}/customers/{id}", tenant.name(), alice.number()).then().statusCode(200);

        // outside the company: exactly the answer for a number that names no customer
        String missing = notFoundBody(by(token).get("/customer/{tenant}/customers/{id}", tenant.name(), NOBODY), NOBODY);
        isError(by(manager).get("/customer/{tenant}/customers/{id}", tenant.name(), NOBODY).then(), 404, "resource_not_found");
        for (Person outsider : List.of(carol, dave)) {
            String number = outsider.number();
            assertEquals(missing, notFoundBody(by(token).get("/customer/{tenant}/customers/{id}", tenant.name(), number), number));
            assertEquals(missing, notFoundBody(by(token).contentType(ContentType.JSON).body(patch("company", "Mine"))
                    .patch("/customer/{tenant}/customers/{id}", tenant.name(), number), number));
            assertEquals(missing, notFoundBody(by(token).contentType(ContentType.JSON)
                    .body(patch("contactEmail", outsider.email(), "lastName", "Mine"))
                    .put("/customer/{tenant}/customers/{id}", tenant.name(), number), number));
            assertEquals(missing, notFoundBody(by(token).delete("/customer/{tenant}/customers/{id}", tenant.name(), number), number));
        }
        // a company admin's PUT does not create customers
        assertEquals(missing, notFoundBody(by(token).contentType(ContentType.JSON).body(patch("lastName", "New"))
                .put("/customer/{tenant}/customers/{id}", tenant.name(), NOBODY), NOBODY));
        isError(by(token).delete("/customer/{tenant}/customers/{id}", tenant.name(), NOBODY).then(), 404, "resource_not_found");
        by(manager).get("/customer/{tenant}/customers/{id}", tenant.name(), carol.number()).then().statusCode(200)
                .body("lastName", equalTo(carol.lastName()));

        // a customer of another tenant is not found either
        Api.Tenant elsewhere = Api.newTenantWithClient();
        String foreign = backOffice(elsewhere.name(), "customer.customer_manage").contentType(ContentType.JSON)
                .body(Map.of("lastName", "Foreign")).post("/customer/{tenant}/customers", elsewhere.name())
                .then().statusCode(201).extract().path("id");
        assertEquals(missing, notFoundBody(by(token).get("/customer/{tenant}/customers/{id}", tenant.name(), foreign), foreign));
    }

    @Test
    void create_makesTheNewCustomerAMemberOfTheAdminsCompany() {
        String acme = company("ACME");
        Person alice = person("creator");
        makeAdmin(acme, alice);
        String token = alice.token();

        String created = by(token).contentType(ContentType.JSON)
                .body(Map.of("contactEmail", uniqueEmail("hired"), "firstName", "New", "lastName", "Hire"))
                .queryParam("sendPasswordResetNotifications", false)
                .post("/customer/{tenant}/customers", tenant.name()).then().statusCode(201).extract().path("id");
        admin().get("/admin/tenants/{tenant}/legal-entities/{id}/members", tenant.name(), acme).then().statusCode(200)
                .body("find { it.customerNumber == '" + created + "' }.role", equalTo("member"))
                .body("find { it.customerNumber == '" + alice.number() + "' }.role", equalTo("admin"));
        assertEquals(List.of(alice.number(), created), by(token).queryParam("sort", "customerNumber")
                .get("/customer/{tenant}/customers", tenant.name()).then().statusCode(200).extract().path("id"));
        by(manager).get("/customer/{tenant}/customers/{id}", tenant.name(), created).then().statusCode(200)
                .body("b2b.legalEntities.id", hasItem(acme));
    }

    @Test
    void backOfficeFields_ownAdminRole_andDeletingOneselfOrAnotherCompanysMember_are403() {
        String acme = company("ACME");
        String other = company("Other Corp");
        Person alice = person("limited");
        Person bob = person("colleague");
        Person twoJobs = person("twojobs");
        makeAdmin(acme, alice);
        member(acme, bob);
        member(acme, twoJobs);
        member(other, twoJobs);
        String token = alice.token();

        for (Map<String, Object> change : List.of(patch("onHold", true), patch("active", false))) {
            isError(by(token).contentType(ContentType.JSON).body(change)
                    .patch("/customer/{tenant}/customers/{id}", tenant.name(), bob.number()).then(), 403, "forbidden");
            isError(by(token).contentType(ContentType.JSON).body(change)
                    .patch("/customer/{tenant}/customers/{id}", tenant.name(), alice.number()).then(), 403, "forbidden");
            Map<String, Object> replacement = patch("contactEmail", bob.email(), "lastName", bob.lastName());
            replacement.putAll(change);
            isError(by(token).contentType(ContentType.JSON).body(replacement)
                    .put("/customer/{tenant}/customers/{id}", tenant.name(), bob.number()).then(), 403, "forbidden");
            Map<String, Object> newCustomer = patch("lastName", "Suspended");
            newCustomer.putAll(change);
            isError(by(token).contentType(ContentType.JSON).body(newCustomer)
                    .post("/customer/{tenant}/customers", tenant.name()).then(), 403, "forbidden");
        }
        // sending the values the customer has is no change
        by(token).contentType(ContentType.JSON).body(patch("onHold", false, "active", true, "company", "ACME"))
                .patch("/customer/{tenant}/customers/{id}", tenant.name(), bob.number()).then().statusCode(200)
                .body("onHold", equalTo(false)).body("active", equalTo(true));
        by(manager).get("/customer/{tenant}/customers/{id}", tenant.name(), bob.number()).then()
                .body("onHold", equalTo(false)).body("active", equalTo(true));

        // the company admin sees its own company among a colleague's companies, the back office all of them
        by(token).get("/customer/{tenant}/customers/{id}", tenant.name(), twoJobs.number()).then().statusCode(200)
                .body("b2b.legalEntities.id", equalTo(List.of(acme)));
        by(token).queryParam("q", "customerNumber:" + twoJobs.number()).get("/customer/{tenant}/customers", tenant.name())
                .then().statusCode(200).body("[0].b2b.legalEntities.id", equalTo(List.of(acme)));
        by(manager).get("/customer/{tenant}/customers/{id}", tenant.name(), twoJobs.number()).then().statusCode(200)
                .body("b2b.legalEntities.id", containsInAnyOrder(acme, other));

        isError(by(token).delete("/customer/{tenant}/customers/{id}", tenant.name(), alice.number()).then(), 403, "forbidden");
        isError(by(token).delete("/customer/{tenant}/customers/{id}", tenant.name(), twoJobs.number()).then(), 403, "forbidden");
        by(manager).get("/customer/{tenant}/customers/{id}", tenant.name(), twoJobs.number()).then().statusCode(200);

        by(token).delete("/customer/{tenant}/customers/{id}", tenant.name(), bob.number()).then().statusCode(202);
        isError(by(manager).get("/customer/{tenant}/customers/{id}", tenant.name(), bob.number()).then(), 404,
                "resource_not_found");
        // the admin role is the operator's: none of the seven operations carries it, the admin API refuses customers
        isError(Api.givenOutsideSpec().auth().oauth2(token)
                .delete("/admin/tenants/{tenant}/legal-entities/{id}/admins/{customer}", tenant.name(), acme, alice.number())
                .then(), 403, "forbidden");
        admin().get("/admin/tenants/{tenant}/legal-entities/{id}/members", tenant.name(), acme).then()
                .body("find { it.customerNumber == '" + alice.number() + "' }.role", equalTo("admin"));
    }

    @Test
    void aMemberWithoutTheAdminRole_andACustomerWithoutCompany_are403() {
        String acme = company("ACME");
        Person admin = person("boss");
        Person plain = person("plain");
        Person loner = person("loner");
        makeAdmin(acme, admin);
        member(acme, plain);
        for (String token : List.of(plain.token(), loner.token())) {
            isError(by(token).get("/customer/{tenant}/customers", tenant.name()).then(), 403, "forbidden");
            isError(by(token).contentType(ContentType.JSON).body(Map.of("q", "firstName:Pat"))
                    .post("/customer/{tenant}/customers/search", tenant.name()).then(), 403, "forbidden");
            isError(by(token).get("/customer/{tenant}/customers/{id}", tenant.name(), admin.number()).then(), 403, "forbidden");
            isError(by(token).get("/customer/{tenant}/customers/{id}", tenant.name(), plain.number()).then(), 403, "forbidden");
            isError(by(token).contentType(ContentType.JSON).body(Map.of("lastName", "X"))
                    .post("/customer/{tenant}/customers", tenant.name()).then(), 403, "forbidden");
            isError(by(token).contentType(ContentType.JSON).body(patch("company", "X"))
                    .patch("/customer/{tenant}/customers/{id}", tenant.name(), admin.number()).then(), 403, "forbidden");
            isError(by(token).contentType(ContentType.JSON).body(patch("lastName", "X"))
                    .put("/customer/{tenant}/customers/{id}", tenant.name(), admin.number()).then(), 403, "forbidden");
            isError(by(token).delete("/customer/{tenant}/customers/{id}", tenant.name(), admin.number()).then(), 403, "forbidden");
        }
        String anonymous = anonymousLogin(tenant.name(), tenant.clientId()).then().extract().path("access_token");
        isError(by(anonymous).get("/customer/{tenant}/customers", tenant.name()).then(), 403, "forbidden");
    }

    @Test
    void revokingTheAdminRole_refusesTheNextCallOfTheSameToken() {
        String acme = company("ACME");
        Person alice = person("revoked");
        makeAdmin(acme, alice);
        String token = alice.token();
        by(token).get("/customer/{tenant}/customers/{id}", tenant.name(), alice.number()).then().statusCode(200);

        admin().delete("/admin/tenants/{tenant}/legal-entities/{id}/admins/{customer}", tenant.name(), acme, alice.number())
                .then().statusCode(204);
        isError(by(token).get("/customer/{tenant}/customers/{id}", tenant.name(), alice.number()).then(), 403, "forbidden");
        isError(by(token).get("/customer/{tenant}/customers", tenant.name()).then(), 403, "forbidden");
        // still a member
        admin().get("/admin/tenants/{tenant}/legal-entities/{id}/members", tenant.name(), acme).then()
                .body("find { it.customerNumber == '" + alice.number() + "' }.role", equalTo("member"));

        makeAdmin(acme, alice);
        by(token).get("/customer/{tenant}/customers", tenant.name()).then().statusCode(200);
        // re-adding the membership keeps the role; removing the membership ends it
        member(acme, alice);
        by(token).get("/customer/{tenant}/customers", tenant.name()).then().statusCode(200);
        admin().delete("/admin/tenants/{tenant}/legal-entities/{id}/members/{customer}", tenant.name(), acme, alice.number())
                .then().statusCode(204);
        isError(by(token).get("/customer/{tenant}/customers", tenant.name()).then(), 403, "forbidden");
    }

    @Test
    void anAdminOfSeveralCompanies_reachesAllOfThem_orTheOneItsLoginSelected() {
        String acme = company("ACME");
        String other = company("Other Corp");
        Person erin = person("erin");
        Person atAcme = person("at-acme");
        Person atOther = person("at-other");
        makeAdmin(acme, erin);
        makeAdmin(other, erin);
        member(acme, atAcme);
        member(other, atOther);
        Response login = loginOf(erin);
        String token = login.path("access_token");

        assertEquals(List.of(erin.number(), atAcme.number(), atOther.number()),
                by(token).queryParam("sort", "customerNumber").get("/customer/{tenant}/customers", tenant.name())
                        .then().statusCode(200).extract().path("id"));
        // with several companies the new customer's is not chosen
        isInvalidField(by(token).contentType(ContentType.JSON).body(Map.of("lastName", "Unplaced"))
                .post("/customer/{tenant}/customers", tenant.name()).then(), "legalEntityId");

        String selected = as(token).queryParam("refreshToken", (String) login.path("refresh_token"))
                .queryParam("legalEntityId", acme).get("/customer/{tenant}/refreshauthtoken", tenant.name())
                .then().statusCode(200).extract().path("access_token");
        assertEquals(List.of(erin.number(), atAcme.number()), by(selected).queryParam("sort", "customerNumber")
                .get("/customer/{tenant}/customers", tenant.name()).then().statusCode(200).extract().path("id"));
        isError(by(selected).get("/customer/{tenant}/customers/{id}", tenant.name(), atOther.number()).then(), 404,
                "resource_not_found");
        String created = by(selected).contentType(ContentType.JSON).body(Map.of("lastName", "Placed"))
                .post("/customer/{tenant}/customers", tenant.name()).then().statusCode(201).extract().path("id");
        by(manager).get("/customer/{tenant}/customers/{id}", tenant.name(), created).then().statusCode(200)
                .body("b2b.legalEntities.id", equalTo(List.of(acme)));
    }

    @Test
    void aBackOfficeToken_keepsFullAccess() {
        String acme = company("ACME");
        Person alice = person("bo-admin");
        Person outsider = person("bo-outsider");
        makeAdmin(acme, alice);
        assertEquals(List.of(), listed(manager, "customerNumber:" + NOBODY));
        List<String> everyone = listed(manager, "customerNumber:(" + alice.number() + "," + outsider.number() + ")");
        assertEquals(2, everyone.size());
        by(manager).contentType(ContentType.JSON).body(patch("onHold", true))
                .patch("/customer/{tenant}/customers/{id}", tenant.name(), alice.number()).then().statusCode(200)
                .body("onHold", equalTo(true));
        by(manager).contentType(ContentType.JSON).body(Map.of("lastName", "Upserted"))
                .put("/customer/{tenant}/customers/{id}", tenant.name(), "88" + alice.number()).then().statusCode(201);
        by(manager).delete("/customer/{tenant}/customers/{id}", tenant.name(), alice.number()).then().statusCode(202);
        by(manager).delete("/customer/{tenant}/customers/{id}", tenant.name(), "88" + alice.number()).then().statusCode(202);
    }

    @Test
    void theAdminApi_setsAndListsRoles_andRefusesNonMembersAndUnknownCustomers() {
        String acme = company("ACME");
        Person alice = person("roles");
        Person bob = person("roles-member");
        member(acme, bob);
        admin().delete("/admin/tenants/{tenant}/legal-entities/{id}/admins/{customer}", tenant.name(), acme, alice.number())
                .then().statusCode(404);
        admin().put("/admin/tenants/{tenant}/legal-entities/{id}/admins/{customer}", tenant.name(), acme, NOBODY)
                .then().statusCode(404);
        admin().put("/admin/tenants/{tenant}/legal-entities/{id}/admins/{customer}", tenant.name(), "nope", alice.number())
                .then().statusCode(404);
        makeAdmin(acme, alice);
        makeAdmin(acme, alice);
        admin().get("/admin/tenants/{tenant}/legal-entities/{id}/members", tenant.name(), acme).then().statusCode(200)
                .body("customerNumber", containsInAnyOrder(alice.number(), bob.number()))
                .body("find { it.customerNumber == '" + alice.number() + "' }.role", equalTo("admin"))
                .body("find { it.customerNumber == '" + bob.number() + "' }.role", equalTo("member"));
        admin().get("/admin/tenants/{tenant}/legal-entities/{id}/members", tenant.name(), "nope").then().statusCode(404);
        // the back office sees the membership, not the role (the contract has no field for it)
        by(manager).get("/customer/{tenant}/customers/{id}", tenant.name(), alice.number()).then().statusCode(200)
                .body("b2b.legalEntities.id", hasItems(acme));
    }
}
