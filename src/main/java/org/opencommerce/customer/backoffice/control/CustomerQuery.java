package org.opencommerce.customer.backoffice.control;

import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.web.ErrorMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * The back office's {@code q}: terms separated by spaces, all of which a customer must match (README, "Back office").
 * <pre>
 *   field:value           equal (a value ending in * is a prefix: lastName:Mil*, lastName:"Anne M"*)
 *   field:(a,b,c)         any of these values
 *   field:&gt;v  field:&gt;=v  field:&lt;v  field:&lt;=v   comparisons (numbers and times)
 *   field:[a TO b]        from a to b, both included
 * </pre>
 * A value with spaces, commas or brackets is written in double quotes ({@code "Anne Marie"}; {@code \"} and
 * {@code \\} inside; a * after the closing quote makes it a prefix). The query only becomes Criteria predicates with parameters (CustomerSearch): never SQL text.
 */
public record CustomerQuery(List<Term> terms) {

    public static final int MAX_LENGTH = 2000;
    public static final int MAX_TERMS = 20;
    public static final int MAX_VALUES = 100;

    /** How a term compares. */
    public enum Operator { EQUAL, PREFIX, ANY_OF, GREATER, GREATER_OR_EQUAL, LESS, LESS_OR_EQUAL, BETWEEN }

    /** One {@code field:…} of the query; BETWEEN has two values, ANY_OF one or more, the others one. */
    public record Term(SearchField field, Operator operator, List<String> values) {
    }

    public static final CustomerQuery EVERYONE = new CustomerQuery(List.of());

    /** The parsed query; 400 with the position of the problem when q is not one. */
    public static CustomerQuery parse(String q) {
        if (q == null || q.isBlank()) {
            return EVERYONE;
        }
        if (q.length() > MAX_LENGTH) {
            throw invalid("q has at most " + MAX_LENGTH + " characters");
        }
        return new Parser(q).query();
    }

    static ApiException invalidSort(String message) {
        return ApiException.validation("The sort parameter is not valid: " + message + ".",
                List.of(new ErrorMessage.Detail("sort", "invalid_value", message)));
    }

    static ApiException invalid(String message) {
        return ApiException.validation("The query q is not valid: " + message + ".",
                List.of(new ErrorMessage.Detail("q", "invalid_value", message)));
    }

    private static final class Parser {
        private final String q;
        private int at;

        Parser(String q) {
            this.q = q;
        }

        CustomerQuery query() {
            List<Term> terms = new ArrayList<>();
            skipSpaces();
            while (at < q.length()) {
                if (terms.size() == MAX_TERMS) {
                    throw invalid("at most " + MAX_TERMS + " terms");
                }
                terms.add(term());
                if (at < q.length() && !Character.isWhitespace(q.charAt(at))) {
                    throw invalid("expected a space before another term at position " + (at + 1));
                }
                skipSpaces();
            }
            return new CustomerQuery(List.copyOf(terms));
        }

        private Term term() {
            int start = at;
            while (at < q.length() && q.charAt(at) != ':' && !Character.isWhitespace(q.charAt(at))) {
                at++;
            }
            String name = q.substring(start, at);
            if (at >= q.length() || q.charAt(at) != ':' || name.isEmpty()) {
                throw invalid("expected field:value at position " + (start + 1));
            }
            SearchField field = SearchField.named(name)
                    .orElseThrow(() -> invalid("unknown field '" + name + "'"));
            at++;
            if (startsWith(">=")) {
                at += 2;
                return new Term(field, Operator.GREATER_OR_EQUAL, List.of(value()));
            }
            if (startsWith("<=")) {
                at += 2;
                return new Term(field, Operator.LESS_OR_EQUAL, List.of(value()));
            }
            if (startsWith(">")) {
                at++;
                return new Term(field, Operator.GREATER, List.of(value()));
            }
            if (startsWith("<")) {
                at++;
                return new Term(field, Operator.LESS, List.of(value()));
            }
            if (startsWith("(")) {
                return new Term(field, Operator.ANY_OF, list());
            }
            if (startsWith("[")) {
                return between(field);
            }
            if (startsWith("\"")) {
                String value = quoted();
                if (startsWith("*")) {
                    at++;
                    return prefix(field, value);
                }
                return new Term(field, Operator.EQUAL, List.of(value));
            }
            String value = value();
            if (value.endsWith("*")) {
                return prefix(field, value.substring(0, value.length() - 1));
            }
            return new Term(field, Operator.EQUAL, List.of(value));
        }

        private static Term prefix(SearchField field, String prefix) {
            if (prefix.isEmpty() || prefix.contains("*")) {
                throw invalid("a prefix needs at least one character before its single trailing *");
            }
            return new Term(field, Operator.PREFIX, List.of(prefix));
        }

        private List<String> list() {
            at++;
            List<String> values = new ArrayList<>();
            while (true) {
                skipSpaces();
                values.add(value());
                skipSpaces();
                if (values.size() > MAX_VALUES) {
                    throw invalid("at most " + MAX_VALUES + " values in a list");
                }
                if (startsWith(",")) {
                    at++;
                } else if (startsWith(")")) {
                    at++;
                    return List.copyOf(values);
                } else {
                    throw invalid("expected , or ) at position " + (at + 1));
                }
            }
        }

        private Term between(SearchField field) {
            at++;
            skipSpaces();
            String from = value();
            skipSpaces();
            if (!startsWith("TO ") && !startsWith("to ")) {
                throw invalid("expected [from TO to] at position " + (at + 1));
            }
            at += 3;
            skipSpaces();
            String to = value();
            skipSpaces();
            if (!startsWith("]")) {
                throw invalid("expected ] at position " + (at + 1));
            }
            at++;
            return new Term(field, Operator.BETWEEN, List.of(from, to));
        }

        private String value() {
            if (startsWith("\"")) {
                return quoted();
            }
            int start = at;
            while (at < q.length() && !Character.isWhitespace(q.charAt(at)) && "(),[]\"".indexOf(q.charAt(at)) < 0) {
                at++;
            }
            if (start == at) {
                throw invalid("expected a value at position " + (start + 1));
            }
            return q.substring(start, at);
        }

        private String quoted() {
            StringBuilder value = new StringBuilder();
            at++;
            while (at < q.length()) {
                char c = q.charAt(at++);
                if (c == '"') {
                    return value.toString();
                }
                if (c == '\\' && at < q.length()) {
                    c = q.charAt(at++);
                }
                value.append(c);
            }
            throw invalid("a quoted value is not closed");
        }

        private boolean startsWith(String text) {
            return q.startsWith(text, at);
        }

        private void skipSpaces() {
            while (at < q.length() && Character.isWhitespace(q.charAt(at))) {
                at++;
            }
        }
    }
}
