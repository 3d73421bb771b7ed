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
import org.opencommerce.customer.platform.JpaHints;
import org.opencommerce.customer.platform.JsonPatches;
import org.opencommerce.customer.platform.JsonText;
import org.opencommerce.customer.profile.control.AddressInput;
import org.opencommerce.customer.profile.control.AddressUpdate;
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
    OwnCustomers ownCustomers;

    @Inject
    JsonPatches patches;

    @Inject
    Clock clock;

    /** The caller's addresses as the current transaction sees them. */
    public List<Address> list(Caller caller) {
        return ofCustomer(em, caller, false);
    }

    /** The caller's addresses for reading only (GET addresses): no transaction, not registered for change tracking. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<Address> read(Caller caller) {
        return readOnly(em, caller);
    }

    /**
     * The caller's addresses through em, read-only. A read that runs without a transaction (Profiles.show) calls this
     * with its own entity manager rather than calling {@link #read}: each bean method without a transaction holds
     * its own pooled connection until it returns, so a nested call would hold two.
     */
    public static List<Address> readOnly(EntityManager em, Caller caller) {
        return ofCustomer(em, caller, true);
    }

    private static List<Address> ofCustomer(EntityManager em, Caller caller, boolean readOnly) {
        return em.createNamedQuery(Address.OF_CUSTOMER, Address.class).setParameter("customerId", caller.customerId())
                .setHint(JpaHints.READ_ONLY, readOnly).getResultList();
    }

    public Address get(Caller caller, String addressId) {
        Address address = addressId == null || addressId.length() > 32 ? null : em.find(Address.class, addressId);
        if (address == null || !address.getCustomer().getId().equals(caller.customerId())) {
            throw ApiException.notFound("Address " + addressId + " of customer " + caller.customerId() + " not found.");
        }
        return address;
    }

    /** Adds an address; the first one, or one marked isDefault, becomes the default. */
    public Address add(Caller caller, AddressUpdate input) {
        Customer customer = ownCustomers.lock(caller);
        long existing = em.createNamedQuery(Address.COUNT_OF_CUSTOMER, Long.class)
                .setParameter("customerId", customer.getId()).getSingleResult();
        return add(customer, input, existing == 0 || Boolean.TRUE.equals(input.isDefault));
    }

    /** Adds an address to a customer being created or already locked by the caller. */
    public Address add(Customer customer, AddressInput input, boolean isDefault) {
        Address address = new Address(customer, input.contactName, clock.instant());
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
    public Address update(Caller caller, String addressId, JsonValue patch) {
        ownCustomers.lock(caller);
        Address address = get(caller, addressId);
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
        em.flush();
        return address;
    }

    public void delete(Caller caller, String addressId) {
        ownCustomers.lock(caller);
        em.remove(get(caller, addressId));
    }

    public void addTags(Caller caller, String addressId, String tags) {
        Address address = get(caller, addressId);
        address.getTags().addAll(parseTags(tags));
        if (address.getTags().size() > MAX_TAGS) {
            throw ApiException.badRequest("An address has at most " + MAX_TAGS + " tags.");
        }
    }

    public void removeTags(Caller caller, String addressId, String tags) {
        Address address = get(caller, addressId);
        address.getTags().removeAll(parseTags(tags));
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
