package org.opencommerce.customer.backoffice.control;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.opencommerce.customer.profile.control.CustomerDetails;
import org.opencommerce.customer.profile.entity.Customer;
import org.opencommerce.customer.profile.entity.SellerFields;

/**
 * The spec's {@code CustomerCreateDto} beyond what a customer sets itself: the back office also sets the customer's
 * type and photo, and, on updates ({@code CustomerUpdateBySellerDto}), whether it is active or on hold.
 * {@code restriction} is not supported: no tenant has restrictions configured (docs/decisions.md).
 */
public class SellerCustomerDetails extends CustomerDetails {

    /** What only the back office sets. */
    public SellerFields seller() {
        return new SellerFields(type, photoUrl, active, onHold);
    }

    @Pattern(regexp = "CUSTOMER|CONTACT", message = "must be CUSTOMER or CONTACT")
    public String type;
    @Size(max = 1000)
    public String photoUrl;
    public String restriction;
    public Boolean active;
    public Boolean onHold;

    /**
     * The fields of details, without what a subclass adds (the initial password of {@link NewSellerCustomer}): what the
     * transactional half of a flow gets, so that no password is among its arguments.
     */
    static SellerCustomerDetails copyOf(SellerCustomerDetails d) {
        SellerCustomerDetails details = new SellerCustomerDetails();
        details.title = d.title;
        details.firstName = d.firstName;
        details.middleName = d.middleName;
        details.lastName = d.lastName;
        details.contactEmail = d.contactEmail;
        details.contactPhone = d.contactPhone;
        details.company = d.company;
        details.preferredLanguage = d.preferredLanguage;
        details.preferredCurrency = d.preferredCurrency;
        details.preferredSite = d.preferredSite;
        details.b2b = d.b2b;
        details.mixins = d.mixins;
        details.type = d.type;
        details.photoUrl = d.photoUrl;
        details.restriction = d.restriction;
        details.active = d.active;
        details.onHold = d.onHold;
        return details;
    }

    /** The customer's current values, for a merge patch to apply to. */
    static SellerCustomerDetails ofSeller(Customer c) {
        SellerCustomerDetails details = new SellerCustomerDetails();
        CustomerDetails own = CustomerDetails.of(c);
        details.title = own.title;
        details.firstName = own.firstName;
        details.middleName = own.middleName;
        details.lastName = own.lastName;
        details.contactEmail = own.contactEmail;
        details.contactPhone = own.contactPhone;
        details.company = own.company;
        details.preferredLanguage = own.preferredLanguage;
        details.preferredCurrency = own.preferredCurrency;
        details.preferredSite = own.preferredSite;
        details.b2b = own.b2b;
        details.mixins = own.mixins;
        details.type = c.getType();
        details.photoUrl = c.getPhotoUrl();
        details.active = c.isActive();
        details.onHold = c.isOnHold();
        return details;
    }
}
