package org.opencommerce.customer.backoffice.boundary;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.opencommerce.customer.backoffice.control.SellerView;
import org.opencommerce.customer.platform.JsonText;
import org.opencommerce.customer.profile.boundary.AddressResponse;
import org.opencommerce.customer.profile.entity.Customer;
import org.opencommerce.customer.profile.entity.LegalEntity;
import org.opencommerce.customer.profile.entity.LoginAccount;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The spec's {@code CustomerForSellerDto}. Accounts, addresses and mixins only when expanded; the default address,
 * status, B2B company and the first login email always.
 */
@JsonbPropertyOrder({"id", "customerNumber", "title", "firstName", "middleName", "lastName", "contactEmail", "contactPhone",
        "company", "preferredLanguage", "preferredCurrency", "preferredSite", "type", "photoUrl", "active", "onHold",
        "email", "businessModel", "b2b", "defaultAddress", "accounts", "addresses", "mixins", "metadata",
        "metadataCreatedAt", "lastLogin"})
public record SellerCustomerResponse(String id, String customerNumber, String title, String firstName, String middleName,
                                     String lastName, String contactEmail, String contactPhone, String company,
                                     String preferredLanguage, String preferredCurrency, String preferredSite,
                                     String type, String photoUrl, boolean active, boolean onHold, String email,
                                     String businessModel, B2b b2b, AddressResponse defaultAddress,
                                     List<AccountId> accounts, List<AddressResponse> addresses, JsonObject mixins,
                                     Metadata metadata, String metadataCreatedAt, String lastLogin) {

    public static SellerCustomerResponse of(SellerView view) {
        Customer c = view.customer();
        List<LegalEntity> legalEntities = view.legalEntities();
        Instant lastLogin = view.accounts().stream().map(LoginAccount::getLastLogin).filter(t -> t != null)
                .max(Instant::compareTo).orElse(null);
        return new SellerCustomerResponse(c.customerNumber(), c.customerNumber(), c.getTitle(), c.getFirstName(),
                c.getMiddleName(), c.getLastName(), c.getContactEmail(), c.getContactPhone(), c.getCompany(),
                c.getPreferredLanguage(), c.getPreferredCurrency(), c.getPreferredSite(), c.getType(), c.getPhotoUrl(),
                c.isActive(), c.isOnHold(), view.accounts().isEmpty() ? null : view.accounts().get(0).getEmail(),
                legalEntities.isEmpty() ? "B2C" : "B2B",
                c.getCompanyRegistrationId() == null && legalEntities.isEmpty() ? null
                        : new B2b(c.getCompanyRegistrationId(), legalEntities.stream().map(LegalEntityRef::of).toList()),
                view.defaultAddress() == null ? null : AddressResponse.of(view.defaultAddress()),
                view.expansion().accounts() ? view.accounts().stream().map(AccountId::of).toList() : null,
                view.addresses() == null ? null : view.addresses().stream().map(AddressResponse::of).toList(),
                view.expansion().mixins() ? JsonText.objectOrEmpty(c.getMixins()) : null,
                new Metadata(c.getVersion(), JsonObject.EMPTY_JSON_OBJECT, time(c.getCreatedAt()), time(c.getModifiedAt())),
                time(c.getCreatedAt()), time(lastLogin));
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** The spec's {@code AccountId}. */
    public record AccountId(String id, String providerId) {
        static AccountId of(LoginAccount account) {
            return new AccountId(account.getEmail(), account.getProviderId());
        }
    }

    /** The spec's {@code B2BGet}. */
    public record B2b(String companyRegistrationId, List<LegalEntityRef> legalEntities) {
    }

    /** An entry of {@code B2BGet.legalEntities}. */
    public record LegalEntityRef(String id, String name) {
        static LegalEntityRef of(LegalEntity entity) {
            return new LegalEntityRef(entity.getId(), entity.getName());
        }
    }

    /** The spec's {@code DefaultDtoMetadata}, with the profile's creation and last change. */
    @JsonbPropertyOrder({"version", "mixins", "createdAt", "modifiedAt"})
    public record Metadata(long version, JsonObject mixins, String createdAt, String modifiedAt) {
    }
}
