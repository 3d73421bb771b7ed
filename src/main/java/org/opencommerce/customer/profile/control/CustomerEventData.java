package org.opencommerce.customer.profile.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.opencommerce.customer.platform.JsonText;
import org.opencommerce.customer.profile.entity.Address;
import org.opencommerce.customer.profile.entity.Customer;
import org.opencommerce.customer.profile.entity.LoginAccount;

import java.util.List;

/**
 * The data of customer events (README, "Customer events"): the profile for customer.created, the profile with its
 * addresses and who changed it for customer.updated. Never a password, a hash or a mailed token.
 */
public final class CustomerEventData {

    /** Who changed a customer the storefront way. */
    public static final String BY_CUSTOMER = "customer";

    private CustomerEventData() {
    }

    public static JsonObject profile(Customer c) {
        return profileBuilder(c).build();
    }

    /** The profile, its addresses and updatedBy (the customer, or the back-office client that made the change). */
    public static JsonObject updated(Customer c, List<Address> addresses, String updatedBy) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        addresses.forEach(a -> list.add(address(a)));
        return profileBuilder(c).add("addresses", list).add("updatedBy", updatedBy).build();
    }

    /** customer.deleted: the number, the contact (else first login) email, the tenant and who deleted it. */
    public static JsonObject deleted(Customer c, String triggeredBy) {
        JsonObjectBuilder data = Json.createObjectBuilder().add("customerNumber", c.customerNumber()).add("tenant", c.getTenant())
                .add("triggeredBy", triggeredBy);
        String email = c.getContactEmail() != null ? c.getContactEmail()
                : c.getAccounts().stream().map(LoginAccount::getEmail).findFirst().orElse(null);
        JsonText.putIfPresent(data, "email", email);
        return data.build();
    }

    private static JsonObjectBuilder profileBuilder(Customer c) {
        JsonObjectBuilder data = Json.createObjectBuilder().add("id", c.customerNumber()).add("customerNumber", c.customerNumber());
        JsonText.putIfPresent(data, "title", c.getTitle());
        JsonText.putIfPresent(data, "firstName", c.getFirstName());
        JsonText.putIfPresent(data, "middleName", c.getMiddleName());
        JsonText.putIfPresent(data, "lastName", c.getLastName());
        JsonText.putIfPresent(data, "contactEmail", c.getContactEmail());
        JsonText.putIfPresent(data, "contactPhone", c.getContactPhone());
        JsonText.putIfPresent(data, "company", c.getCompany());
        JsonText.putIfPresent(data, "preferredLanguage", c.getPreferredLanguage());
        JsonText.putIfPresent(data, "preferredCurrency", c.getPreferredCurrency());
        JsonText.putIfPresent(data, "preferredSite", c.getPreferredSite());
        data.add("active", c.isActive()).add("onHold", c.isOnHold());
        JsonArrayBuilder accounts = Json.createArrayBuilder();
        c.getAccounts().forEach(a -> accounts.add(Json.createObjectBuilder().add("id", a.getEmail())));
        data.add("accounts", accounts);
        data.add("metadata", Json.createObjectBuilder().add("version", c.getVersion())
                .add("createdAt", c.getCreatedAt().toString()).add("modifiedAt", c.getModifiedAt().toString()));
        return data;
    }

    private static JsonObject address(Address a) {
        JsonObjectBuilder data = Json.createObjectBuilder().add("id", a.getId()).add("contactName", a.getContactName());
        JsonText.putIfPresent(data, "companyName", a.getCompanyName());
        JsonText.putIfPresent(data, "street", a.getStreet());
        JsonText.putIfPresent(data, "streetNumber", a.getStreetNumber());
        JsonText.putIfPresent(data, "zipCode", a.getZipCode());
        JsonText.putIfPresent(data, "city", a.getCity());
        JsonText.putIfPresent(data, "country", a.getCountry());
        JsonText.putIfPresent(data, "state", a.getState());
        JsonText.putIfPresent(data, "contactPhone", a.getContactPhone());
        JsonArrayBuilder tags = Json.createArrayBuilder();
        a.getTags().stream().sorted().forEach(tags::add);
        return data.add("tags", tags).add("isDefault", a.isDefaultAddress()).build();
    }
}
