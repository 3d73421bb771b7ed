package org.opencommerce.customer.backoffice.control;

import org.opencommerce.customer.profile.entity.Address;
import org.opencommerce.customer.profile.entity.Customer;
import org.opencommerce.customer.profile.entity.LegalEntity;
import org.opencommerce.customer.profile.entity.LoginAccount;

import java.util.List;
import java.util.Set;

/**
 * A customer as the back office sees it: its logins, its default address (null when none), its addresses (null unless
 * expanded), its legal entities, and whether accounts and mixins were asked for.
 */
public record SellerView(Customer customer, List<LoginAccount> accounts, Address defaultAddress, List<Address> addresses,
                         List<LegalEntity> legalEntities, Expansion expansion) {

    /** The view with only those of its legal entities whose ids are given. */
    SellerView within(Set<String> legalEntityIds) {
        return new SellerView(customer, accounts, defaultAddress, addresses,
                legalEntities.stream().filter(e -> legalEntityIds.contains(e.getId())).toList(), expansion);
    }
}
