package org.opencommerce.customer.profile.control;

/** The spec's {@code AddressUpdateDto}: an address with its default flag. */
public class AddressUpdate extends AddressInput {

    public Boolean isDefault;
}
