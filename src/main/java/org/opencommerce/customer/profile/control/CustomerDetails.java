package org.opencommerce.customer.profile.control;

import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.opencommerce.customer.platform.IsoCodes;
import org.opencommerce.customer.platform.JsonText;
import org.opencommerce.customer.profile.entity.Customer;
import org.opencommerce.customer.profile.entity.ProfileFields;

/** The spec's {@code CustomerUpdateDto}: the profile fields a customer sets at sign-up or changes later. */
public class CustomerDetails {

    @Size(max = 32)
    public String title;
    @Size(max = 100)
    public String firstName;
    @Size(max = 100)
    public String middleName;
    @Size(max = 100)
    public String lastName;
    @Email
    @Size(max = 254)
    public String contactEmail;
    @Size(max = 50)
    public String contactPhone;
    @Size(max = 200)
    public String company;
    @Pattern(regexp = "[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*", message = "must be a language tag such as en_US")
    @Size(max = 16)
    public String preferredLanguage;
    @IsoCodes.Currency4217
    public String preferredCurrency;
    @Size(max = 64)
    public String preferredSite;
    @Valid
    public B2b b2b;
    public JsonObject mixins;

    /** The customer's current values, for a merge patch to apply to. */
    public static CustomerDetails of(Customer c) {
        CustomerDetails details = new CustomerDetails();
        details.title = c.getTitle();
        details.firstName = c.getFirstName();
        details.middleName = c.getMiddleName();
        details.lastName = c.getLastName();
        details.contactEmail = c.getContactEmail();
        details.contactPhone = c.getContactPhone();
        details.company = c.getCompany();
        details.preferredLanguage = c.getPreferredLanguage();
        details.preferredCurrency = c.getPreferredCurrency();
        details.preferredSite = c.getPreferredSite();
        if (c.getCompanyRegistrationId() != null) {
            details.b2b = new B2b();
            details.b2b.companyRegistrationId = c.getCompanyRegistrationId();
        }
        details.mixins = c.getMixins() == null ? null : JsonText.objectOrEmpty(c.getMixins());
        return details;
    }

    /** The fields as the profile takes them. */
    public ProfileFields fields() {
        return new ProfileFields(title, firstName, middleName, lastName, contactEmail, contactPhone, company,
                preferredLanguage, preferredCurrency, preferredSite, b2b == null ? null : b2b.companyRegistrationId,
                JsonText.textOf(mixins));
    }

    /** The spec's {@code B2BCreate}. */
    public static class B2b {
        @Size(max = 100)
        public String companyRegistrationId;
    }
}
