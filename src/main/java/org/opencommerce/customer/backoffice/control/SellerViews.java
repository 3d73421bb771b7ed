package org.opencommerce.customer.backoffice.control;

import jakarta.persistence.EntityManager;
import org.opencommerce.customer.platform.data.JpaHints;
import org.opencommerce.customer.profile.entity.Address;
import org.opencommerce.customer.profile.entity.Customer;
import org.opencommerce.customer.profile.entity.LegalEntity;
import org.opencommerce.customer.profile.entity.LoginAccount;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Completes customers into back-office views with a fixed number of queries per page, whatever its size: logins,
 * default addresses (or all addresses when expanded) with their tags, and legal entities, each read for all customers
 * at once. Called with the caller's own entity manager: a bean method without a
 * transaction holds a pooled connection until it returns, so a nested bean call would hold a second one.
 */
final class SellerViews {

    private SellerViews() {
    }

    static List<SellerView> of(EntityManager em, List<Customer> customers, Expansion expansion) {
        if (customers.isEmpty()) {
            return List.of();
        }
        List<Long> ids = customers.stream().map(Customer::getId).toList();
        Map<Long, List<LoginAccount>> accounts = byCustomer(em.createNamedQuery(LoginAccount.OF_CUSTOMERS, Object[].class)
                .setParameter("customerIds", ids).setHint(JpaHints.READ_ONLY, true).getResultList(), LoginAccount.class);
        // entities, not pairs: the batch hint (all addresses' tags in one query) applies only to entity queries; each
        // address's customer is one of those just read, found in the persistence context without a query
        Map<Long, List<Address>> addresses = new HashMap<>();
        em.createNamedQuery(expansion.addresses() ? Address.OF_CUSTOMERS : Address.DEFAULTS_OF_CUSTOMERS, Address.class)
                .setParameter("customerIds", ids).setHint(JpaHints.READ_ONLY, true)
                .setHint(JpaHints.BATCH, "a.tags").setHint(JpaHints.BATCH_TYPE, JpaHints.BATCH_TYPE_IN)
                .getResultList()
                .forEach(a -> addresses.computeIfAbsent(a.getCustomer().getId(), id -> new ArrayList<>()).add(a));
        Map<Long, List<LegalEntity>> legalEntities = byCustomer(em.createNamedQuery(LegalEntity.OF_CUSTOMERS, Object[].class)
                .setParameter("customerIds", ids).setHint(JpaHints.READ_ONLY, true).getResultList(), LegalEntity.class);
        return customers.stream().map(c -> {
            List<Address> own = addresses.getOrDefault(c.getId(), List.of());
            Address defaultAddress = own.stream().filter(Address::isDefaultAddress).findFirst().orElse(null);
            return new SellerView(c, accounts.getOrDefault(c.getId(), List.of()), defaultAddress,
                    expansion.addresses() ? own : null, legalEntities.getOrDefault(c.getId(), List.of()), expansion);
        }).toList();
    }

    /** Rows of (customer id, entity), grouped by customer id in their order. */
    private static <T> Map<Long, List<T>> byCustomer(List<Object[]> rows, Class<T> type) {
        Map<Long, List<T>> grouped = new HashMap<>();
        for (Object[] row : rows) {
            grouped.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add(type.cast(row[1]));
        }
        return grouped;
    }
}
