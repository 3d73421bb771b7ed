package org.opencommerce.customer.profile.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.Caller;
import org.opencommerce.customer.platform.data.JpaHints;
import org.opencommerce.customer.platform.web.JsonPatches;
import org.opencommerce.customer.profile.entity.Address;
import org.opencommerce.customer.profile.entity.Customer;
import org.opencommerce.customer.profile.entity.LegalEntity;

import java.util.Comparator;
import java.util.List;

/** Reads and changes customer profiles. */
@Stateless
public class Profiles {

    /** The order of LegalEntity.OF_CUSTOMER. */
    private static final Comparator<LegalEntity> BY_NAME = Comparator.comparing(LegalEntity::getName,
            Comparator.nullsFirst(Comparator.<String>naturalOrder())).thenComparing(LegalEntity::getId);

    @PersistenceContext
    EntityManager em;

    @Inject
    Customers customers;

    @Inject
    JsonPatches patches;

    /**
     * The caller's profile for reading (GET /me) in two queries: the customer with its logins and legal entities, then
     * its default address with its tags, or its whole address list when withAddresses. No transaction, and read-only
     * queries (the entities are not registered for change tracking), the cheapest read JPA offers.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Profile read(Caller caller, boolean withAddresses) {
        List<Customer> found = em.createNamedQuery(Customer.PROFILE, Customer.class)
                .setParameter("id", caller.customerId()).setParameter("tenant", caller.tenant())
                .setHint(JpaHints.READ_ONLY, true)
                .getResultList();
        if (found.isEmpty()) {
            throw ApiException.invalidToken();
        }
        Customer customer = found.get(0);
        List<LegalEntity> legalEntities = customer.getLegalEntities().stream().sorted(BY_NAME).toList();
        return withAddresses ? profile(customer, AddressBook.readOnly(em, caller), legalEntities, true)
                : new Profile(customer, null, AddressBook.defaultReadOnly(em, caller), legalEntities);
    }

    /** The caller's profile as the current transaction wrote it (the answer of a change). */
    Profile asWritten(Caller caller) {
        Customer customer = withLogins(caller);
        return profile(customer, AddressBook.current(em, customer), legalEntities(caller), false);
    }

    /** The legal entities (B2B companies) the caller belongs to. */
    private List<LegalEntity> legalEntities(Caller caller) {
        return em.createNamedQuery(LegalEntity.OF_CUSTOMER, LegalEntity.class).setParameter("customerId", caller.customerId())
                .getResultList();
    }

    /** True when the customer belongs to that legal entity. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean belongsTo(long customerId, String legalEntityId) {
        return legalEntityId != null && legalEntityId.length() <= 64
                && em.createNamedQuery(LegalEntity.COUNT_MEMBERSHIP, Long.class).setParameter("customerId", customerId)
                .setParameter("id", legalEntityId).getSingleResult() > 0;
    }

    private static Profile profile(Customer customer, List<Address> addresses, List<LegalEntity> legalEntities,
                                   boolean withAddresses) {
        Address defaultAddress = addresses.stream().filter(Address::isDefaultAddress).findFirst().orElse(null);
        return new Profile(customer, withAddresses ? addresses : null, defaultAddress, legalEntities);
    }

    /**
     * Applies a merge patch (RFC 7396) to the caller's profile: {@code null} removes a field (a preference falls back
     * to its default), except {@code contactEmail}, which cannot be removed once set. When the patch carries
     * {@code metadata.version}, the profile must still have that version, else 409. The row is locked while it is
     * changed, so two concurrent changes never overwrite each other silently.
     */
    public Profile update(Caller caller, JsonValue patch) {
        Customer customer = customers.lock(caller);
        customer.requireVersion(JsonPatches.expectedVersion(patch));
        customers.change(customer, patches.apply(CustomerDetails.of(customer), patch, CustomerDetails.class).fields(), "");
        customers.changed(CustomerKey.of(caller), customer);
        return asWritten(caller);
    }

    /** The caller's own profile with its login accounts; 401 when it no longer exists. */
    public Customer withLogins(Caller caller) {
        List<Customer> found = em.createNamedQuery(Customer.WITH_ACCOUNTS, Customer.class)
                .setParameter("id", caller.customerId()).setParameter("tenant", caller.tenant())
                .getResultList();
        if (found.isEmpty()) {
            throw ApiException.invalidToken();
        }
        return found.get(0);
    }
}
