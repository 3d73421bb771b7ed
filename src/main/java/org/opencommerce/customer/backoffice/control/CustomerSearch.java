package org.opencommerce.customer.backoffice.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencommerce.customer.backoffice.control.CustomerQuery.Operator;
import org.opencommerce.customer.backoffice.control.CustomerQuery.Term;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.web.ErrorMessage;
import org.opencommerce.customer.platform.data.JpaHints;
import org.opencommerce.customer.profile.entity.Customer;
import org.opencommerce.customer.profile.entity.LoginAccount;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lists and searches a tenant's customers for the back office: the query becomes Criteria predicates whose values are
 * all parameters, a page of customers in the requested order, and the number of all matches. Read-only, without a
 * transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CustomerSearch {

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "SEARCH_MAX_PAGE_SIZE", defaultValue = "500")
    int maxPageSize;

    @Inject
    CompanyScope scope;

    public SearchResult search(String tenant, CustomerQuery query, CustomerSort sort, int pageNumber, int pageSize,
                               Expansion expansion) {
        Company company = scope.of(em, tenant);
        if (pageNumber < 1) {
            throw invalidPaging("pageNumber", "is at least 1");
        }
        if (pageSize < 1 || pageSize > maxPageSize) {
            throw invalidPaging("pageSize", "is 1 to " + maxPageSize);
        }
        long offset = (long) (pageNumber - 1) * pageSize;
        if (offset > Integer.MAX_VALUE) {
            throw invalidPaging("pageNumber", "is too large");
        }
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Customer> select = cb.createQuery(Customer.class);
        Root<Customer> customer = select.from(Customer.class);
        select.select(customer).where(matching(cb, select, customer, tenant, company, query)).orderBy(orders(cb, customer, sort));
        List<Customer> page = em.createQuery(select).setFirstResult((int) offset).setMaxResults(pageSize)
                .setHint(JpaHints.READ_ONLY, true).getResultList();

        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<Customer> counted = count.from(Customer.class);
        count.select(cb.count(counted)).where(matching(cb, count, counted, tenant, company, query));
        long total = em.createQuery(count).getSingleResult();
        return new SearchResult(scope.shown(em, tenant, SellerViews.of(em, page, expansion)), total);
    }

    private static ApiException invalidPaging(String field, String rule) {
        return ApiException.validation(field + " " + rule + ".", List.of(new ErrorMessage.Detail(field, "invalid_value", rule)));
    }

    private static List<Order> orders(CriteriaBuilder cb, Root<Customer> customer, CustomerSort sort) {
        List<Order> orders = new ArrayList<>();
        for (CustomerSort.Order order : sort.orders()) {
            Path<?> path = customer.get(order.field().attribute());
            orders.add(order.descending() ? cb.desc(path) : cb.asc(path));
        }
        orders.add(cb.asc(customer.get("number")));
        return orders;
    }

    private static Predicate[] matching(CriteriaBuilder cb, CriteriaQuery<?> query, Root<Customer> customer, String tenant,
                                        Company company, CustomerQuery q) {
        List<Predicate> predicates = new ArrayList<>();
        predicates.add(cb.equal(customer.get("tenant"), tenant));
        if (!company.wholeTenant()) {
            predicates.add(company.reaches(cb, query, customer));
        }
        for (Term term : q.terms()) {
            predicates.add(predicate(cb, query, customer, tenant, term));
        }
        return predicates.toArray(Predicate[]::new);
    }

    private static Predicate predicate(CriteriaBuilder cb, CriteriaQuery<?> query, Root<Customer> customer, String tenant,
                                       Term term) {
        SearchField field = term.field();
        return switch (field.kind()) {
            case NUMBER -> compare(cb, customer.<Long>get(field.attribute()), term, v -> number(field, v));
            case TEXT -> text(cb, customer.get(field.attribute()), term, v -> v);
            case BOOLEAN -> {
                requireOperators(term, Operator.EQUAL);
                yield cb.equal(customer.get(field.attribute()), bool(field, term.values().get(0)));
            }
            case TIME -> compare(cb, customer.<Instant>get(field.attribute()), term, v -> time(field, v, false));
            case LOGIN_EMAIL -> {
                Subquery<Long> logins = query.subquery(Long.class);
                Root<LoginAccount> account = logins.from(LoginAccount.class);
                logins.select(account.get("customer").get("id")).where(cb.equal(account.get("tenant"), tenant),
                        text(cb, account.get("email"), term, LoginAccount::normalize));
                yield customer.get("id").in(logins);
            }
            case LAST_LOGIN -> lastLogin(cb, query, customer, tenant, term);
        };
    }

    /** Text fields: equal, any of, or a prefix (LIKE with the prefix's own % and _ escaped). */
    private static Predicate text(CriteriaBuilder cb, Path<String> path, Term term,
                                  java.util.function.UnaryOperator<String> normal) {
        return switch (term.operator()) {
            case EQUAL -> cb.equal(path, normal.apply(term.values().get(0)));
            case ANY_OF -> path.in(term.values().stream().map(normal).toList());
            case PREFIX -> cb.like(path, escapeLike(normal.apply(term.values().get(0))) + "%", '\\');
            default -> throw CustomerQuery.invalid(term.field().displayName() + " takes a value, a (list) or a prefix*");
        };
    }

    private static <T extends Comparable<? super T>> Predicate compare(CriteriaBuilder cb, Path<T> path, Term term,
                                                                        java.util.function.Function<String, T> value) {
        List<String> values = term.values();
        return switch (term.operator()) {
            case EQUAL -> equalOrDay(cb, path, term, value);
            case ANY_OF -> path.in(values.stream().map(value).toList());
            case GREATER -> cb.greaterThan(path, value.apply(values.get(0)));
            case GREATER_OR_EQUAL -> cb.greaterThanOrEqualTo(path, value.apply(values.get(0)));
            case LESS -> cb.lessThan(path, value.apply(values.get(0)));
            case LESS_OR_EQUAL -> cb.lessThanOrEqualTo(path, value.apply(values.get(0)));
            case BETWEEN -> cb.between(path, value.apply(values.get(0)), value.apply(values.get(1)));
            case PREFIX -> throw CustomerQuery.invalid(term.field().displayName() + " takes no prefix");
        };
    }

    /** A time field equal to a bare date means within that day (UTC). */
    @SuppressWarnings("unchecked")
    private static <T extends Comparable<? super T>> Predicate equalOrDay(CriteriaBuilder cb, Path<T> path, Term term,
                                                                           java.util.function.Function<String, T> value) {
        String given = term.values().get(0);
        if (term.field().kind() == SearchField.Kind.TIME && isDate(given)) {
            Path<Instant> time = (Path<Instant>) path;
            return cb.and(cb.greaterThanOrEqualTo(time, time(term.field(), given, false)),
                    cb.lessThan(time, time(term.field(), given, true)));
        }
        return cb.equal(path, value.apply(given));
    }

    /**
     * A customer's last login is the latest of its logins' last logins: later than t when one login is; earlier when
     * one login is and none is at or after it.
     */
    private static Predicate lastLogin(CriteriaBuilder cb, CriteriaQuery<?> query, Root<Customer> customer, String tenant,
                                       Term term) {
        SearchField field = term.field();
        List<String> values = term.values();
        return switch (term.operator()) {
            case GREATER -> customer.get("id").in(loggedIn(cb, query, tenant, t -> cb.greaterThan(t, time(field, values.get(0), false))));
            case GREATER_OR_EQUAL -> customer.get("id").in(loggedIn(cb, query, tenant,
                    t -> cb.greaterThanOrEqualTo(t, time(field, values.get(0), false))));
            case LESS -> cb.and(customer.get("id").in(loggedIn(cb, query, tenant, t -> cb.isNotNull(t))),
                    cb.not(customer.get("id").in(loggedIn(cb, query, tenant,
                            t -> cb.greaterThanOrEqualTo(t, time(field, values.get(0), false))))));
            case LESS_OR_EQUAL -> cb.and(customer.get("id").in(loggedIn(cb, query, tenant, t -> cb.isNotNull(t))),
                    cb.not(customer.get("id").in(loggedIn(cb, query, tenant,
                            t -> cb.greaterThan(t, time(field, values.get(0), false))))));
            case BETWEEN -> cb.and(customer.get("id").in(loggedIn(cb, query, tenant,
                            t -> cb.between(t, time(field, values.get(0), false), time(field, values.get(1), false)))),
                    cb.not(customer.get("id").in(loggedIn(cb, query, tenant,
                            t -> cb.greaterThan(t, time(field, values.get(1), false))))));
            default -> throw CustomerQuery.invalid("lastLogin takes >, >=, <, <= or [from TO to]");
        };
    }

    private static Subquery<Long> loggedIn(CriteriaBuilder cb, CriteriaQuery<?> query, String tenant,
                                           java.util.function.Function<Expression<Instant>, Predicate> when) {
        Subquery<Long> logins = query.subquery(Long.class);
        Root<LoginAccount> account = logins.from(LoginAccount.class);
        return logins.select(account.get("customer").get("id"))
                .where(cb.equal(account.get("tenant"), tenant), when.apply(account.get("lastLogin")));
    }

    private static void requireOperators(Term term, Operator allowed) {
        if (term.operator() != allowed) {
            throw CustomerQuery.invalid(term.field().displayName() + " takes field:value only");
        }
    }

    private static Long number(SearchField field, String value) {
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw CustomerQuery.invalid(field.displayName() + " is a number, not '" + value + "'");
        }
    }

    private static Boolean bool(SearchField field, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw CustomerQuery.invalid(field.displayName() + " is true or false, not '" + value + "'");
        };
    }

    private static boolean isDate(String value) {
        return value.length() == 10 && value.charAt(4) == '-';
    }

    /** An ISO instant (2024-05-01T10:00:00Z), or a date (2024-05-01) meaning its start, or its end when endOfDay. */
    private static Instant time(SearchField field, String value, boolean endOfDay) {
        try {
            if (isDate(value)) {
                LocalDate date = LocalDate.parse(value);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw CustomerQuery.invalid(field.displayName() + " takes a date (2024-05-01) or a UTC time "
                    + "(2024-05-01T10:00:00Z), not '" + value + "'");
        }
    }

    private static String escapeLike(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
