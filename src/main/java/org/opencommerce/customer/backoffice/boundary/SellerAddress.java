package org.opencommerce.customer.backoffice.boundary;

import org.opencommerce.customer.profile.control.AddressUpdate;

/** The spec's {@code Address_2}: an address the back office adds, with an id of its choosing when it gives one. */
public class SellerAddress extends AddressUpdate {

    public String id;
}
