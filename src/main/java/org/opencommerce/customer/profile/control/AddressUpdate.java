package org.opencommerce.customer.profile.control;

import org.opencommerce.customer.platform.JsonText;
import org.opencommerce.customer.profile.entity.Address;

/** The spec's {@code AddressUpdateDto}: an address with its default flag. */
public class AddressUpdate extends AddressInput {

    public Boolean isDefault;

    /** The address's current values, for a merge patch to apply to. */
    static AddressUpdate of(Address a) {
        AddressUpdate update = new AddressUpdate();
        update.contactName = a.getContactName();
        update.companyName = a.getCompanyName();
        update.street = a.getStreet();
        update.streetNumber = a.getStreetNumber();
        update.streetAppendix = a.getStreetAppendix();
        update.extraLine1 = a.getExtraLine1();
        update.extraLine2 = a.getExtraLine2();
        update.extraLine3 = a.getExtraLine3();
        update.extraLine4 = a.getExtraLine4();
        update.zipCode = a.getZipCode();
        update.city = a.getCity();
        update.country = a.getCountry();
        update.state = a.getState();
        update.contactPhone = a.getContactPhone();
        update.tags = a.getTags().stream().sorted().toList();
        update.isDefault = a.isDefaultAddress();
        update.mixins = a.getMixins() == null ? null : JsonText.objectOrEmpty(a.getMixins());
        return update;
    }
}
