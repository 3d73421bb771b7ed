package org.opencommerce.customer.backoffice.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import org.opencommerce.customer.profile.control.CustomerKey;
import org.opencommerce.customer.profile.entity.Customer;
import org.opencommerce.customer.profile.entity.LoginAccount;

/**
 * Creates one item of a {@link CustomerImport} in a transaction of its own: the customer, its login and the login's
 * imported password. Only CustomerImport, which checked the item, can make a {@link CheckedImport}.
 */
@Stateless
public class ImportedCustomers {

    @Inject
    BackOfficeCustomers customers;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String create(CheckedImport checked) {
        ImportItem item = checked.item();
        if (item.contactEmail == null) {
            item.contactEmail = item.account.email;
        }
        Long number = item.id == null ? null : CustomerKey.number(item.id);
        Customer customer = customers.insert(new CheckedCustomer(checked.tenant(), number, item, null, false, null));
        LoginAccount account = customer.getAccounts().get(0);
        ImportItem.LegacyAuth legacy = item.account.legacyAuth;
        if (legacy != null) {
            JsonObjectBuilder contextJson = Json.createObjectBuilder();
            if (legacy.context != null) {
                legacy.context.forEach(contextJson::add);
            }
            account.importLegacyPassword(legacy.algorithm, legacy.hash, contextJson.build().toString());
        } else {
            account.changePassword(item.account.passwordHash);
        }
        return customer.customerNumber();
    }
}
