package org.opencommerce.customer.profile.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.Caller;
import org.opencommerce.customer.profile.entity.Customer;

/**
 * The one way to the calling customer's own row: the customer of the token, of the token's tenant. A customer who is
 * gone (deleted while the token lived) makes the token invalid: 401.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class OwnCustomers {

    @PersistenceContext
    EntityManager em;

    public Customer find(Caller caller) {
        return checked(caller, em.find(Customer.class, caller.customerId()));
    }

    /** The row locked for the rest of the transaction, so that concurrent changes of the aggregate wait for each other. */
    public Customer lock(Caller caller) {
        return checked(caller, em.find(Customer.class, caller.customerId(), LockModeType.PESSIMISTIC_WRITE));
    }

    private static Customer checked(Caller caller, Customer customer) {
        if (customer == null || !customer.getTenant().equals(caller.tenant())) {
            throw ApiException.invalidToken();
        }
        return customer;
    }
}
