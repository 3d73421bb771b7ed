package org.opencommerce.customer.profile.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.Caller;
import org.opencommerce.customer.platform.ErrorMessage;
import org.opencommerce.customer.profile.boundary.CustomerDetails;
import org.opencommerce.customer.profile.entity.Customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads and changes customer profiles. */
@Stateless
public class Profiles {

    @PersistenceContext
    EntityManager em;

    /** The caller's own profile with its login accounts; 401 when it no longer exists. */
    public Customer own(Caller caller) {
        List<Customer> found = em.createNamedQuery(Customer.WITH_ACCOUNTS, Customer.class)
                .setParameter("id", caller.customerId()).setParameter("tenant", caller.tenant())
                .getResultList();
        if (found.isEmpty()) {
            throw ApiException.invalidToken();
        }
        return found.get(0);
    }

    /**
     * Copies the given (non-null) fields onto the customer, then checks the rules that span fields; fieldPrefix is
     * where the details sit in the request body, for the error details.
     */
    public static void apply(CustomerDetails details, Customer customer, String fieldPrefix) {
        if (details == null) {
            return;
        }
        if (details.title != null) customer.setTitle(details.title);
        if (details.firstName != null) customer.setFirstName(details.firstName);
        if (details.middleName != null) customer.setMiddleName(details.middleName);
        if (details.lastName != null) customer.setLastName(details.lastName);
        if (details.contactEmail != null) customer.setContactEmail(details.contactEmail.trim());
        if (details.contactPhone != null) customer.setContactPhone(details.contactPhone);
        if (details.company != null) customer.setCompany(details.company);
        if (details.preferredLanguage != null) customer.setPreferredLanguage(details.preferredLanguage);
        if (details.preferredCurrency != null) customer.setPreferredCurrency(details.preferredCurrency.toUpperCase(Locale.ROOT));
        if (details.preferredSite != null) customer.setPreferredSite(details.preferredSite);
        if (details.b2b != null && details.b2b.companyRegistrationId != null) {
            customer.setCompanyRegistrationId(details.b2b.companyRegistrationId);
        }
        if (details.mixins != null) customer.setMixins(details.mixins.toString());
        checkB2b(customer, fieldPrefix);
    }

    /** A B2B customer (one with a company registration id) needs a first name, a last name and a company. */
    static void checkB2b(Customer customer, String fieldPrefix) {
        if (isBlank(customer.getCompanyRegistrationId())) {
            return;
        }
        List<ErrorMessage.Detail> missing = new ArrayList<>();
        if (isBlank(customer.getFirstName())) missing.add(required(fieldPrefix + "firstName"));
        if (isBlank(customer.getLastName())) missing.add(required(fieldPrefix + "lastName"));
        if (isBlank(customer.getCompany())) missing.add(required(fieldPrefix + "company"));
        if (!missing.isEmpty()) {
            throw ApiException.validation("A customer with a companyRegistrationId needs firstName, lastName and company.", missing);
        }
    }

    private static ErrorMessage.Detail required(String field) {
        return new ErrorMessage.Detail(field, "missing_value", "is required when b2b.companyRegistrationId is given");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
