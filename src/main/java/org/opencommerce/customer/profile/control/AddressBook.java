package org.opencommerce.customer.profile.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.opencommerce.customer.webhooks.control.CustomerEvents;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.Caller;
import org.opencommerce.customer.platform.web.ErrorMessage;
import org.opencommerce.customer.platform.data.JpaHints;
import org.opencommerce.customer.platform.web.JsonPatches;
import org.opencommerce.customer.platform.JsonText;
import org.opencommerce.customer.profile.entity.Address;
import org.opencommerce.customer.profile.entity.Customer;

import java.text.Normalizer;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A customer's addresses. Changes lock the customer's row first, so that two requests never leave two default
 * addresses; an address of another customer is answered as not found.
 */
@Stateless
public class AddressBook {

    public static final int MAX_TAGS = 50;
    private static final int MAX_TAG_LENGTH = 100;

    @PersistenceContext
    EntityManager em;

    @Inject
    Customers customers;

    @Inject
    JsonPatches patches;

    @Inject
    Clock clock;

    @Inject
    Validator validator;

    @Inject
    CustomerEvents events;

    /** The customer's addresses as the transaction of em sees them. */
    static List<Address> current(EntityManager em, Customer customer) {
        return ofCustomer(em, customer.getId(), false);
    }

    /** The customer's addresses for reading only (GET addresses): no transaction, not registered for change tracking. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<Address> read(CustomerKey customer) {
        long customerId = customer.ownToken() ? customer.customerId() : customers.find(customer).getId();
        return ofCustomer(em, customerId, true);
    }

    /**
     * The caller's addresses through em, read-only. A read that runs without a transaction (Profiles.show) calls this
     * with its own entity manager rather than calling {@link #read}: each bean method without a transaction holds
     * its own pooled connection until it returns, so a nested call would hold two.
     */
    public static List<Address> readOnly(EntityManager em, Caller caller) {
        return ofCustomer(em, caller.customerId(), true);
    }

    /** The default address with its tags in one query (null when there is none), for GET /me without its address list. */
    public static Address defaultReadOnly(EntityManager em, Caller caller) {
        return em.createNamedQuery(Address.DEFAULT_WITH_TAGS, Address.class).setParameter("customerId", caller.customerId())
                .setHint(JpaHints.READ_ONLY, true).getResultStream().findFirst().orElse(null);
    }

    /** The addresses with their tags in one more query (not one per address). */
    private static List<Address> ofCustomer(EntityManager em, long customerId, boolean readOnly) {
        return em.createNamedQuery(Address.OF_CUSTOMER, Address.class).setParameter("customerId", customerId)
                .setHint(JpaHints.READ_ONLY, readOnly)
                .setHint(JpaHints.BATCH, "a.tags").setHint(JpaHints.BATCH_TYPE, JpaHints.BATCH_TYPE_IN).getResultList();
    }

    /** One address of the customer: 404 when the customer has none of this id (whoever else has one). */
    public Address get(CustomerKey customer, String addressId) {
        return get(customers.find(customer), addressId);
    }

    private Address get(Customer owner, String addressId) {
        Address address = find(owner, addressId);
        if (address == null) {
            throw ApiException.notFound("Address " + addressId + " of customer " + owner.customerNumber() + " not found.");
        }
        return address;
    }

    /** The customer's address with this id; null when it has none. Addresses are found only through their customer. */
    private Address find(Customer owner, String addressId) {
        if (addressId == null || addressId.length() > 32) {
            return null;
        }
        return em.createNamedQuery(Address.BY_ID, Address.class).setParameter("customer", owner)
                .setParameter("id", addressId).getResultStream().findFirst().orElse(null);
    }

    /** Adds an address; the first one, or one marked isDefault, becomes the default. */
    public Address add(CustomerKey key, AddressUpdate input) {
        return add(key, null, input);
    }

    /**
     * Adds an address with the id given (the back office may choose it), else a random one; an id that another
     * address of the same customer has is 409.
     */
    public Address add(CustomerKey key, String addressId, AddressUpdate input) {
        Customer customer = customers.lock(key);
        if (addressId != null && !addressId.matches("[A-Za-z0-9_-]{1,32}")) {
            throw ApiException.validation("An address id has 1 to 32 letters, digits, _ or -.",
                    List.of(new ErrorMessage.Detail("id", "invalid_value", "has 1 to 32 letters, digits, _ or -")));
        }
        if (addressId != null && find(customer, addressId) != null) {
            throw ApiException.conflict("An address with id '" + addressId + "' already exists.");
        }
        long existing = em.createNamedQuery(Address.COUNT_OF_CUSTOMER, Long.class)
                .setParameter("customerId", customer.getId()).getSingleResult();
        Address added = add(customer, addressId, input, existing == 0 || Boolean.TRUE.equals(input.isDefault));
        customers.changed(key, customer);
        return added;
    }

    /** Adds an address to a customer being created or already locked by the caller. */
    public Address add(Customer customer, AddressInput input, boolean isDefault) {
        return add(customer, null, input, isDefault);
    }

    private Address add(Customer customer, String addressId, AddressInput input, boolean isDefault) {
        Address address = new Address(addressId, customer, input.contactName, clock.instant());
        copy(input, address);
        em.persist(address);
        if (isDefault) {
            makeDefault(customer, address);
        }
        return address;
    }

    /**
     * Applies a merge patch (RFC 7396). When the patch carries {@code metadata.version}, the address must still have
     * that version, else 409.
     */
    public Address update(CustomerKey customer, String addressId, JsonValue patch) {
        Customer owner = customers.lock(customer);
        Address address = get(owner, addressId);
        Long expected = JsonPatches.expectedVersion(patch);
        if (expected != null && expected != address.getVersion()) {
            throw ApiException.conflict("Address " + addressId + " was changed by another request (version "
                    + address.getVersion() + ", not " + expected + ").");
        }
        AddressUpdate patched = patches.apply(AddressUpdate.of(address), patch, AddressUpdate.class);
        copy(patched, address);
        if (Boolean.TRUE.equals(patched.isDefault)) {
            makeDefault(address.getCustomer(), address);
        } else {
            address.setDefaultAddress(false);
        }
        customers.changed(customer, owner);
        return address;
    }

    /**
     * Replaces the address with the given one (PUT of the back office), or creates it with that id when the customer
     * has none such: true when it was created.
     */
    public boolean replace(CustomerKey customer, String addressId, AddressUpdate input) {
        Customer owner = customers.lock(customer);
        Address address = find(owner, addressId);
        if (address != null && (input.contactName == null || input.contactName.isBlank())) {
            input.contactName = address.getContactName();
        }
        Set<ConstraintViolation<AddressUpdate>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        if (address == null) {
            add(customer, addressId, input);
            return true;
        }
        copy(input, address);
        if (Boolean.TRUE.equals(input.isDefault)) {
            makeDefault(address.getCustomer(), address);
        } else if (Boolean.FALSE.equals(input.isDefault)) {
            address.setDefaultAddress(false);
        }
        customers.changed(customer, owner);
        return false;
    }

    public void delete(CustomerKey customer, String addressId) {
        Customer owner = customers.lock(customer);
        em.remove(get(owner, addressId));
        customers.changed(customer, owner);
    }

    public void addTags(CustomerKey customer, String addressId, String tags) {
        Customer owner = customers.lock(customer);
        Address address = get(owner, addressId);
        address.getTags().addAll(parseTags(tags));
        if (address.getTags().size() > MAX_TAGS) {
            throw ApiException.badRequest("An address has at most " + MAX_TAGS + " tags.");
        }
        customers.changed(customer, owner);
    }

    public void removeTags(CustomerKey customer, String addressId, String tags) {
        Customer owner = customers.lock(customer);
        Address address = get(owner, addressId);
        address.getTags().removeAll(parseTags(tags));
        customers.changed(customer, owner);
    }

    /** {@code BILLING,SHIPPING}: comma-separated, trimmed, de-duplicated, at least one. */
    static Set<String> parseTags(String tags) {
        Set<String> parsed = new LinkedHashSet<>();
        if (tags != null) {
            Arrays.stream(tags.split(",")).map(AddressBook::tag).filter(t -> !t.isEmpty()).forEach(parsed::add);
        }
        if (parsed.isEmpty()) {
            throw ApiException.badRequest("The tags query parameter needs at least one tag, e.g. tags=BILLING,SHIPPING.");
        }
        return parsed;
    }

    /**
     * A tag as it is stored: trimmed and in NFC, otherwise exactly as given. Tags are case- and accent-sensitive
     * ("billing" and "BILLING" are two tags); the same tag twice is kept once (docs/decisions.md, "Address tags").
     */
    static String tag(String raw) {
        String tag = Normalizer.normalize(raw.trim(), Normalizer.Form.NFC);
        if (tag.length() > MAX_TAG_LENGTH) {
            throw ApiException.badRequest("A tag has at most " + MAX_TAG_LENGTH + " characters.");
        }
        return tag;
    }

    /** Marks the address as the default and clears the flag on the customer's others (the caller holds the lock). */
    private void makeDefault(Customer customer, Address address) {
        address.setDefaultAddress(true);
        em.createNamedQuery(Address.CLEAR_DEFAULT)
                .setParameter("customerId", customer.getId()).setParameter("keep", address.getId()).executeUpdate();
    }

    private static void copy(AddressInput input, Address address) {
        address.setContactName(input.contactName);
        address.setCompanyName(input.companyName);
        address.setStreet(input.street);
        address.setStreetNumber(input.streetNumber);
        address.setStreetAppendix(input.streetAppendix);
        address.setExtraLine1(input.extraLine1);
        address.setExtraLine2(input.extraLine2);
        address.setExtraLine3(input.extraLine3);
        address.setExtraLine4(input.extraLine4);
        address.setZipCode(input.zipCode);
        address.setCity(input.city);
        address.setCountry(input.country == null ? null : input.country.toUpperCase(Locale.ROOT));
        address.setState(input.state);
        address.setContactPhone(input.contactPhone);
        address.setMixins(JsonText.textOf(input.mixins));
        address.getTags().clear();
        if (input.tags != null) {
            input.tags.forEach(tag -> address.getTags().add(tag(tag)));
        }
    }
}
