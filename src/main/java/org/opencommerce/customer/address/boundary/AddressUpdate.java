package org.opencommerce.customer.address.boundary;

/** The spec's {@code AddressUpdateDto}: an address with its default flag. */
public class AddressUpdate extends AddressInput {

    public Boolean isDefault;
}
