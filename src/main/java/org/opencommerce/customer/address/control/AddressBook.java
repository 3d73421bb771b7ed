package org.opencommerce.customer.address.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.opencommerce.customer.address.boundary.AddressInput;
import org.opencommerce.customer.address.entity.Address;
import org.opencommerce.customer.profile.entity.Customer;

import java.time.Clock;
import java.util.Locale;

/** A customer's addresses. */
@Stateless
public class AddressBook {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public Address add(Customer customer, AddressInput input, boolean isDefault) {
        Address address = new Address(customer, input.contactName, clock.instant());
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
        address.setMixins(input.mixins == null ? null : input.mixins.toString());
        if (input.tags != null) {
            input.tags.forEach(tag -> address.getTags().add(tag.trim()));
        }
        address.setDefaultAddress(isDefault);
        em.persist(address);
        return address;
    }
}
