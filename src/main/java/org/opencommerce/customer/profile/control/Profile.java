package org.opencommerce.customer.profile.control;

import org.opencommerce.customer.profile.entity.Address;
import org.opencommerce.customer.profile.entity.Customer;
import org.opencommerce.customer.profile.entity.LegalEntity;

import java.util.List;

/**
 * A customer with its addresses (null when not asked for), its default address (null when none) and the legal
 * entities (B2B companies) it belongs to.
 */
public record Profile(Customer customer, List<Address> addresses, Address defaultAddress, List<LegalEntity> legalEntities) {
}
