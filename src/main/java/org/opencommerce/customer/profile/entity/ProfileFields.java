package org.opencommerce.customer.profile.entity;

/**
 * The fields of a profile that its owner and the back office set, as given (a null removes the field; a missing
 * preference falls back to its default when applied). {@code mixins} is a JSON object's text.
 */
public record ProfileFields(String title, String firstName, String middleName, String lastName, String contactEmail,
                            String contactPhone, String company, String preferredLanguage, String preferredCurrency,
                            String preferredSite, String companyRegistrationId, String mixins) {

    /** A new profile of which an identity provider knows the names and the email. */
    public static ProfileFields named(String firstName, String lastName, String contactEmail) {
        return new ProfileFields(null, firstName, null, lastName, contactEmail, null, null, null, null, null, null, null);
    }
}
