package org.opencommerce.customer.profile.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.opencommerce.customer.platform.Caller;
import org.opencommerce.customer.profile.entity.Customer;

/**
 * The one way to a customer's row for a change: the customer of the token (or the one a back-office client names), of
 * that tenant. A customer who is gone (deleted while the token lived) makes the token invalid: 401; for the back
 * office it is the spec's 404.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class OwnCustomers {

    @PersistenceContext
    EntityManager em;

    public Customer find(Caller caller) {
        return find(CustomerKey.of(caller));
    }

    public Customer find(CustomerKey key) {
        return checked(key, em.find(Customer.class, key.customerId()));
    }

    public Customer lock(Caller caller) {
        return lock(CustomerKey.of(caller));
    }

    /** The row locked for the rest of the transaction, so that concurrent changes of the aggregate wait for each other. */
    public Customer lock(CustomerKey key) {
        return checked(key, em.find(Customer.class, key.customerId(), LockModeType.PESSIMISTIC_WRITE));
    }

    private static Customer checked(CustomerKey key, Customer customer) {
        if (customer == null || !customer.getTenant().equals(key.tenant())) {
            throw key.missing();
        }
        return customer;
    }
}
