package org.opencommerce.customer.profile.control;

import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.opencommerce.customer.platform.IsoCodes;

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

    /** The spec's {@code B2BCreate}. */
    public static class B2b {
        @Size(max = 100)
        public String companyRegistrationId;
    }
}
