package org.opencommerce.customer.profile.control;

import org.opencommerce.customer.profile.entity.Address;
import org.opencommerce.customer.profile.entity.Customer;

import java.util.List;

/** A customer with its addresses (null when not asked for) and its default address (null when none). */
public record Profile(Customer customer, List<Address> addresses, Address defaultAddress) {
}
