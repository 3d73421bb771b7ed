package org.opencommerce.customer.profile.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.webhooks.control.CustomerEvents;
import org.opencommerce.customer.webhooks.control.EventTypes;
import org.opencommerce.customer.platform.Caller;
import org.opencommerce.customer.platform.CustomerDeleted;
import org.opencommerce.customer.profile.entity.Customer;
import org.opencommerce.customer.profile.entity.CustomerNumberCounter;
import org.opencommerce.customer.profile.entity.ProfileFields;
import org.opencommerce.customer.profile.entity.SellerFields;

import java.time.Clock;
import java.util.List;

/**
 * The one way to a customer's row: registered with a number of its tenant, found through a {@link CustomerKey} (which
 * always carries the tenant). The customer of a verified token is found by the internal id its grant holds; one that a
 * back-office client names, by tenant and number. A customer who is gone (deleted while the token lived) makes the
 * token invalid: 401; for the back office it is the spec's 404, exactly as for a number that was never used — also
 * when another tenant has a customer of that number.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class Customers {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    CustomerEvents events;

    @Inject
    Event<CustomerDeleted> deleted;

    public Customer find(Caller caller) {
        return find(CustomerKey.of(caller));
    }

    /** Also without a transaction (reads). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Customer find(CustomerKey key) {
        return found(key, LockModeType.NONE);
    }

    public Customer lock(Caller caller) {
        return lock(CustomerKey.of(caller));
    }

    /** The row locked for the rest of the transaction, so that concurrent changes of the aggregate wait for each other. */
    public Customer lock(CustomerKey key) {
        return found(key, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Whether the tenant has a customer of this number. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean exists(String tenant, long number) {
        return !byNumber(tenant, number, LockModeType.NONE).isEmpty();
    }

    /**
     * A new customer of the tenant with the next automatic number, or with the number the back office chose (409 when
     * the tenant has a customer of that number; another tenant's customers do not matter). The caller fills it in
     * before the transaction writes it.
     */
    public Customer register(String tenant, Long chosenNumber) {
        CustomerNumberCounter counter = counterOf(tenant);
        long number;
        if (chosenNumber == null) {
            number = counter.take();
        } else {
            // a locking read: it sees what committed while this transaction waited for the counter
            if (!byNumber(tenant, chosenNumber, LockModeType.PESSIMISTIC_WRITE).isEmpty()) {
                throw ApiException.conflict("Customer number '" + chosenNumber + "' is taken.");
            }
            counter.reserve(chosenNumber);
            number = chosenNumber;
        }
        Customer customer = new Customer(tenant, number, clock.instant());
        em.persist(customer);
        return customer;
    }

    /** The profile's fields of a customer being registered or locked by the caller ({@link Customer#apply}). */
    public void change(Customer customer, ProfileFields fields, String fieldPrefix) {
        customer.apply(fields, fieldPrefix);
    }

    /**
     * The back office's change of a customer being registered or locked by the caller: the profile's fields and the
     * seller's. True when the customer may no longer log in: its tokens must end.
     */
    public boolean change(Customer customer, ProfileFields fields, SellerFields seller) {
        customer.apply(fields, "");
        return customer.applySeller(seller);
    }

    /** The contact email after a confirmed email change that asked for it. */
    public void changeContactEmail(Customer customer, String email) {
        customer.changeContactEmail(email);
    }

    /**
     * customer.updated after a change of the aggregate (its profile or addresses), with the data as the transaction
     * wrote it; the caller holds the customer's lock.
     */
    public void changed(CustomerKey key, Customer customer) {
        em.flush();
        events.emit(key.tenant(), EventTypes.UPDATED, customer.getId(),
                () -> CustomerEventData.updated(customer, AddressBook.current(em, customer), key.actor()));
    }

    /**
     * Deletes the customer with its logins, addresses and tokens (the database cascades from the customer row), locked
     * first; every token of the customer stops working ({@link CustomerDeleted}), then the rows go.
     */
    public void delete(CustomerKey key) {
        Customer customer = lock(key);
        events.emit(key.tenant(), EventTypes.DELETED, customer.getId(), () -> CustomerEventData.deleted(customer, key.actor()));
        deleted.fire(new CustomerDeleted(key.tenant(), customer.getId()));
        em.remove(customer);
    }

    /** The tenant's number counter, locked until the transaction ends; its first customer makes it. */
    private CustomerNumberCounter counterOf(String tenant) {
        CustomerNumberCounter counter = em.find(CustomerNumberCounter.class, tenant, LockModeType.PESSIMISTIC_WRITE);
        if (counter == null) {
            em.createNamedQuery(CustomerNumberCounter.CREATE_IF_ABSENT).setParameter(1, tenant)
                    .setParameter(2, CustomerNumberCounter.FIRST_NUMBER).executeUpdate();
            counter = em.find(CustomerNumberCounter.class, tenant, LockModeType.PESSIMISTIC_WRITE);
        }
        return counter;
    }

    private Customer found(CustomerKey key, LockModeType lock) {
        Customer customer;
        if (key.ownToken()) {
            customer = em.find(Customer.class, key.customerId(), lock);
        } else {
            customer = byNumber(key.tenant(), key.number(), lock).stream().findFirst().orElse(null);
        }
        if (customer == null || !customer.getTenant().equals(key.tenant())) {
            throw key.missing();
        }
        return customer;
    }

    private List<Customer> byNumber(String tenant, long number, LockModeType lock) {
        return em.createNamedQuery(Customer.BY_NUMBER, Customer.class).setParameter("tenant", tenant)
                .setParameter("number", number).setLockMode(lock).getResultList();
    }
}
