package org.opencommerce.customer.backoffice.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencommerce.customer.backoffice.control.CustomerQuery.Operator;
import org.opencommerce.customer.backoffice.control.CustomerQuery.Term;
import org.opencommerce.customer.platform.ApiException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CustomerQueryTest {

    @Test
    void termsOfEveryForm() {
        CustomerQuery query = CustomerQuery.parse(" lastName:Mil*  firstName:(Anne, \"Bert, Jr.\")  contactEmail:a@b.c "
                + "metadata.createdAt:>=2024-01-01T00:00:00Z customerNumber:<5 lastLogin:[2024-01-01 TO 2024-02-01] "
                + "company:\"ACME \\\"Inc\\\"\" active:true");
        assertEquals(List.of(
                new Term(SearchField.LAST_NAME, Operator.PREFIX, List.of("Mil")),
                new Term(SearchField.FIRST_NAME, Operator.ANY_OF, List.of("Anne", "Bert, Jr.")),
                new Term(SearchField.CONTACT_EMAIL, Operator.EQUAL, List.of("a@b.c")),
                new Term(SearchField.CREATED_AT, Operator.GREATER_OR_EQUAL, List.of("2024-01-01T00:00:00Z")),
                new Term(SearchField.CUSTOMER_NUMBER, Operator.LESS, List.of("5")),
                new Term(SearchField.LAST_LOGIN, Operator.BETWEEN, List.of("2024-01-01", "2024-02-01")),
                new Term(SearchField.COMPANY, Operator.EQUAL, List.of("ACME \"Inc\"")),
                new Term(SearchField.ACTIVE, Operator.EQUAL, List.of("true"))), query.terms());
    }

    @Test
    void aQuotedStarIsNoPrefix_andAliasesNameTheSameField() {
        assertEquals(new Term(SearchField.LAST_NAME, Operator.EQUAL, List.of("Mil*")),
                CustomerQuery.parse("lastName:\"Mil*\"").terms().get(0));
        assertEquals(new Term(SearchField.LAST_NAME, Operator.PREFIX, List.of("Anne M")),
                CustomerQuery.parse("lastName:\"Anne M\"*").terms().get(0));
        assertEquals(SearchField.CUSTOMER_NUMBER, CustomerQuery.parse("id:1").terms().get(0).field());
        assertEquals(SearchField.LOGIN_EMAIL, CustomerQuery.parse("accounts.id:x@y.z").terms().get(0).field());
        assertTrue(CustomerQuery.parse("   ").terms().isEmpty());
        assertTrue(CustomerQuery.parse(null).terms().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"lastName", ":x", "shoeSize:1", "lastName:", "lastName:(a,b", "lastName:(a b)", "lastName:\"x",
            "lastName:[a TO b", "lastName:[a b]", "lastName:*", "lastName:a*b*", "lastName:a)", "lastName:a lastName"})
    void malformedQueries_are400(String q) {
        ApiException refused = assertThrows(ApiException.class, () -> CustomerQuery.parse(q));
        assertEquals(400, refused.status());
        assertEquals("q", refused.details().get(0).field());
    }

    @Test
    void queriesAreBounded() {
        assertThrows(ApiException.class, () -> CustomerQuery.parse("lastName:a ".repeat(21)));
        assertThrows(ApiException.class, () -> CustomerQuery.parse("x".repeat(CustomerQuery.MAX_LENGTH + 1)));
        assertThrows(ApiException.class, () -> CustomerQuery.parse("lastName:(" + "a,".repeat(100) + "a)"));
    }

    @Test
    void sort_takesSortableFieldsWithDirections() {
        assertEquals(List.of(new CustomerSort.Order(SearchField.LAST_NAME, true),
                        new CustomerSort.Order(SearchField.CREATED_AT, false)),
                CustomerSort.parse("lastName:desc, metadata.createdAt").orders());
        assertThrows(ApiException.class, () -> CustomerSort.parse("lastLogin"));
        assertThrows(ApiException.class, () -> CustomerSort.parse("lastName:sideways"));
    }
}
