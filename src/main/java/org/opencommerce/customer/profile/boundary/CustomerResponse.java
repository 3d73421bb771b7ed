package org.opencommerce.customer.profile.boundary;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.opencommerce.customer.platform.JsonText;
import org.opencommerce.customer.profile.control.Profile;
import org.opencommerce.customer.profile.entity.Customer;
import org.opencommerce.customer.profile.entity.LegalEntity;
import org.opencommerce.customer.profile.entity.LoginAccount;

import java.time.temporal.ChronoUnit;
import java.util.List;

/** The spec's {@code Customer}: a profile as GET /me answers it. */
@JsonbPropertyOrder({"id", "customerNumber", "title", "firstName", "middleName", "lastName", "contactEmail", "contactPhone",
        "company", "preferredLanguage", "preferredCurrency", "preferredSite", "accounts", "addresses", "defaultAddress",
        "businessModel", "b2b", "mixins", "metadata", "lastLogin"})
public record CustomerResponse(String id, String customerNumber, String title, String firstName, String middleName,
                               String lastName, String contactEmail, String contactPhone, String company,
                               String preferredLanguage, String preferredCurrency, String preferredSite,
                               List<AccountId> accounts, List<AddressResponse> addresses, AddressResponse defaultAddress,
                               String businessModel, B2b b2b, JsonObject mixins, Metadata metadata, String lastLogin) {

    private static final String ANONYMOUS = "Anonymous";
    private static final String NO_CUSTOMER = "00000000";

    /** What an anonymous shopper sees. */
    public static CustomerResponse anonymous() {
        return new CustomerResponse(NO_CUSTOMER, NO_CUSTOMER, null, ANONYMOUS, null, ANONYMOUS, null, null, null,
                null, null, "default", List.of(), null, null, null, null, null, null, null);
    }

    public static CustomerResponse of(Profile profile) {
        Customer customer = profile.customer();
        JsonObject mixins = JsonText.objectOrEmpty(customer.getMixins());
        return new CustomerResponse(customer.customerNumber(), customer.customerNumber(), customer.getTitle(),
                customer.getFirstName(), customer.getMiddleName(), customer.getLastName(), customer.getContactEmail(),
                customer.getContactPhone(), customer.getCompany(), customer.getPreferredLanguage(),
                customer.getPreferredCurrency(), customer.getPreferredSite(),
                customer.getAccounts().stream().map(AccountId::of).toList(),
                profile.addresses() == null ? null : profile.addresses().stream().map(AddressResponse::of).toList(),
                profile.defaultAddress() == null ? null : AddressResponse.of(profile.defaultAddress()),
                profile.legalEntities().isEmpty() ? "B2C" : "B2B",
                customer.getCompanyRegistrationId() == null && profile.legalEntities().isEmpty() ? null
                        : new B2b(customer.getCompanyRegistrationId(), profile.legalEntities().stream().map(LegalEntityRef::of).toList()),
                mixins, new Metadata(customer.getVersion(), JsonObject.EMPTY_JSON_OBJECT),
                customer.getLastLogin() == null ? null : customer.getLastLogin().truncatedTo(ChronoUnit.MILLIS).toString());
    }

    /** The spec's {@code AccountId}: a login email, with the provider's subject for social logins. */
    public record AccountId(String id, String providerId) {
        static AccountId of(LoginAccount account) {
            return new AccountId(account.getEmail(), account.getProviderId());
        }
    }

    /** The spec's {@code B2BGet}. */
    public record B2b(String companyRegistrationId, List<LegalEntityRef> legalEntities) {
    }

    /** An entry of {@code B2BGet.legalEntities}: a company the customer belongs to. */
    public record LegalEntityRef(String id, String name) {
        static LegalEntityRef of(LegalEntity entity) {
            return new LegalEntityRef(entity.getId(), entity.getName());
        }
    }

    /** The spec's {@code DefaultDtoMetadata}. */
    public record Metadata(long version, JsonObject mixins) {
    }
}
