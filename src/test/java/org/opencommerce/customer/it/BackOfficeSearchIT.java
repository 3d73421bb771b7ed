package org.opencommerce.customer.it;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.opencommerce.customer.it.Api.PASSWORD;
import static org.opencommerce.customer.it.Api.anonymousLogin;
import static org.opencommerce.customer.it.Api.backOffice;
import static org.opencommerce.customer.it.Api.backOfficeToken;
import static org.opencommerce.customer.it.Api.login;
import static org.opencommerce.customer.it.Faults.isInvalidField;

/** Listing and searching a tenant's customers: q, sort, paging, Count. */
class BackOfficeSearchIT extends ServiceDeployment {

    private static Api.Tenant tenant;
    private static String reader;
    private static Instant beforeAll;
    /** customer numbers by last name */
    private static final Map<String, String> numbers = new java.util.HashMap<>();

    @BeforeAll
    static void customers() {
        tenant = Api.newTenantWithClient();
        reader = backOfficeToken(tenant.name(), "customer.customer_read");
        beforeAll = Instant.now().minusSeconds(1);
        for (String[] c : List.of(new String[]{"Miller", "Anne", "ACME", "anne.miller@example.com"},
                new String[]{"Millbrook", "Bert", "ACME", "bert@example.com"},
                new String[]{"Mills", "Carla", "Other", "carla@example.com"},
                new String[]{"Zeta", "Dora", "Other", "Dora.Zeta@Example.com"},
                new String[]{"Anne Marie", "Eve", "ACME", "eve@example.com"})) {
            String id = backOffice(tenant.name(), "customer.customer_manage").contentType(ContentType.JSON)
                    .body(Map.of("lastName", c[0], "firstName", c[1], "company", c[2], "contactEmail", c[3],
                            "password", PASSWORD))
                    .post("/customer/{tenant}/customers", tenant.name()).then().statusCode(201).extract().path("id");
            numbers.put(c[0], id);
        }
    }

    private static RequestSpecification asReader() {
        return backOffice().auth().oauth2(reader);
    }

    private static Response list(String q) {
        return asReader().queryParam("q", q).queryParam("sort", "lastName").get("/customer/{tenant}/customers", tenant.name());
    }

    @Test
    void list_withoutQuery_answersEveryCustomer_withCount() {
        asReader().get("/customer/{tenant}/customers", tenant.name()).then().statusCode(200)
                .header("Count", "5").body("$", hasSize(5));
    }

    @Test
    void q_equalListAndPrefix() {
        list("lastName:Miller").then().statusCode(200).header("Count", "1").body("lastName", contains("Miller"));
        list("lastName:Mill*").then().statusCode(200).body("lastName", contains("Millbrook", "Miller", "Mills"));
        list("lastName:(Zeta,Mills)").then().body("lastName", contains("Mills", "Zeta"));
        list("lastName:\"Anne Marie\"").then().body("lastName", contains("Anne Marie"));
        list("company:ACME lastName:Mill*").then().header("Count", "2").body("lastName", contains("Millbrook", "Miller"));
        list("lastName:M%").then().body("$", empty());
        list("customerNumber:" + numbers.get("Zeta")).then().body("lastName", contains("Zeta"));
        list("customerNumber:(" + numbers.get("Zeta") + "," + numbers.get("Mills") + ")").then()
                .body("lastName", contains("Mills", "Zeta"));
    }

    @Test
    void q_onEmails_loginEmailsIgnoreCase_contactEmailIsExact() {
        list("email:dora.zeta@example.com").then().body("lastName", contains("Zeta"));
        list("accounts.id:(BERT@example.com,carla@example.com)").then().body("lastName", contains("Millbrook", "Mills"));
        list("contactEmail:Dora.Zeta@Example.com").then().body("lastName", contains("Zeta"));
        list("contactEmail:anne.miller@example.com").then().body("lastName", contains("Miller"));
    }

    @Test
    void q_onStatusAndDates() {
        list("active:true onHold:false").then().header("Count", "5");
        list("metadata.createdAt:>" + beforeAll).then().header("Count", "5");
        list("metadata.createdAt:<" + beforeAll).then().header("Count", "0");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        list("metadata.createdAt:[" + beforeAll + " TO " + Instant.now().plusSeconds(60) + "]").then().header("Count", "5");
        list("metadata.modifiedAt:>=" + beforeAll).then().header("Count", "5");
        asReader().queryParam("q", "metadata.createdAt:" + today).get("/customer/{tenant}/customers", tenant.name())
                .then().statusCode(200);

        Instant beforeLogin = Instant.now().minusSeconds(1);
        String anonymous = anonymousLogin(tenant.name(), tenant.clientId()).then().statusCode(200).extract().path("access_token");
        login(anonymous, tenant.name(), "carla@example.com", PASSWORD).then().statusCode(200);
        list("lastLogin:>" + beforeLogin).then().body("lastName", contains("Mills"));
        list("lastLogin:<" + Instant.now().plusSeconds(60)).then().body("lastName", contains("Mills"));
        list("lastLogin:<" + beforeLogin).then().body("$", empty());
    }

    @Test
    void sortAndPages() {
        asReader().queryParam("sort", "lastName:desc").queryParam("pageSize", 2).queryParam("pageNumber", 2)
                .get("/customer/{tenant}/customers", tenant.name()).then().statusCode(200)
                .header("Count", "5").body("lastName", contains("Miller", "Millbrook"));
        asReader().queryParam("sort", "company:asc,firstName:desc").queryParam("pageSize", 3)
                .get("/customer/{tenant}/customers", tenant.name()).then()
                .body("firstName", contains("Eve", "Bert", "Anne"));
        asReader().queryParam("pageNumber", 9).get("/customer/{tenant}/customers", tenant.name()).then()
                .statusCode(200).header("Count", "5").body("$", empty());
    }

    @Test
    void searchByPost_takesQInTheBody() {
        asReader().contentType(ContentType.JSON).body(Map.of("q", "firstName:(Anne,Bert)")).queryParam("sort", "firstName")
                .post("/customer/{tenant}/customers/search", tenant.name()).then().statusCode(200)
                .header("Count", "2").body("firstName", contains("Anne", "Bert"));
        asReader().contentType(ContentType.JSON).body(Map.of())
                .post("/customer/{tenant}/customers/search", tenant.name()).then().statusCode(200).header("Count", "5");
    }

    @Test
    void badQueries_are400_withTheParameterNamed() {
        for (String q : List.of("lastName", "shoeSize:42", "lastName:(a,b", "customerNumber:abc", "active:maybe",
                "metadata.createdAt:>yesterday", "lastName:>M", "lastName:\"open", "lastName:*", "customerNumber:1*",
                "lastName:a:b)", "x".repeat(2001))) {
            isInvalidField(asReader().queryParam("q", q).get("/customer/{tenant}/customers", tenant.name()).then(), "q");
        }
        isInvalidField(asReader().queryParam("sort", "password").get("/customer/{tenant}/customers", tenant.name()).then(), "sort");
        isInvalidField(asReader().queryParam("sort", "lastName:up").get("/customer/{tenant}/customers", tenant.name()).then(), "sort");
        isInvalidField(asReader().queryParam("pageSize", 100_000).get("/customer/{tenant}/customers", tenant.name()).then(), "pageSize");
        isInvalidField(asReader().queryParam("pageNumber", 0).get("/customer/{tenant}/customers", tenant.name()).then(), "pageNumber");
    }

    @Test
    void customersOfOtherTenants_areNeverFound() {
        Api.Tenant other = Api.newTenantWithClient();
        backOffice(other.name(), "customer.customer_read").queryParam("q", "lastName:Mill*")
                .get("/customer/{tenant}/customers", other.name()).then().statusCode(200).header("Count", "0");
        asReader().queryParam("q", "lastName:Mill*").get("/customer/{tenant}/customers", tenant.name()).then()
                .body("lastName", containsInAnyOrder("Millbrook", "Miller", "Mills"));
    }
}
