package org.opencommerce.customer.profile.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.web.ErrorMessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A customer profile of one tenant. Its customer number is unique within the tenant only; its id is an internal key
 * that no caller sees or names. A customer is found by its tenant and number ({@link #BY_NUMBER}) or, for a verified
 * token's own customer, by the id its grant holds.
 */
@Entity
@Table(name = "customer")
@NamedNativeQuery(name = Customer.PURGE_UNCONFIRMED, query = "DELETE FROM customer WHERE created_at < ?1 "
        + "AND EXISTS (SELECT 1 FROM login_account a WHERE a.customer_id = customer.id AND a.activated = FALSE) "
        + "AND NOT EXISTS (SELECT 1 FROM login_account a WHERE a.customer_id = customer.id AND a.activated = TRUE) "
        + "LIMIT ?2")
@NamedQuery(name = Customer.WITH_ACCOUNTS,
        query = "SELECT c FROM Customer c LEFT JOIN FETCH c.accounts WHERE c.id = :id AND c.tenant = :tenant")
@NamedQuery(name = Customer.PROFILE, query = "SELECT c FROM Customer c LEFT JOIN FETCH c.accounts "
        + "LEFT JOIN FETCH c.legalEntities WHERE c.id = :id AND c.tenant = :tenant")
@NamedQuery(name = Customer.COUNT_OF_TENANT, query = "SELECT COUNT(c) FROM Customer c WHERE c.tenant = :tenant")
@NamedQuery(name = Customer.BY_NUMBER,
        query = "SELECT c FROM Customer c WHERE c.tenant = :tenant AND c.number = :number")
public class Customer {

    public static final String BY_NUMBER = "Customer.byNumber";

    public static final String PURGE_UNCONFIRMED = "Customer.purgeUnconfirmed";
    public static final String WITH_ACCOUNTS = "Customer.withAccounts";
    public static final String PROFILE = "Customer.profile";
    public static final String COUNT_OF_TENANT = "Customer.countOfTenant";

    public static final String DEFAULT_LANGUAGE = "en_US";
    public static final String DEFAULT_CURRENCY = "USD";
    public static final String DEFAULT_SITE = "main";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 16, updatable = false)
    private String tenant;

    @Column(name = "customer_number", nullable = false, updatable = false)
    private long number;

    private String title;
    @Column(name = "first_name")
    private String firstName;
    @Column(name = "middle_name")
    private String middleName;
    @Column(name = "last_name")
    private String lastName;
    @Column(name = "contact_email")
    private String contactEmail;
    @Column(name = "contact_phone")
    private String contactPhone;
    private String company;
    @Column(name = "preferred_language")
    private String preferredLanguage = DEFAULT_LANGUAGE;
    @Column(name = "preferred_currency")
    private String preferredCurrency = DEFAULT_CURRENCY;
    @Column(name = "preferred_site")
    private String preferredSite = DEFAULT_SITE;
    @Column(name = "company_registration_id")
    private String companyRegistrationId;
    /** Free-form JSON object, stored as given. */
    private String mixins;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** False when the back office deactivated the customer: no login, no token. */
    @Column(nullable = false)
    private boolean active = true;
    /** True while the back office suspends the customer: no login, no token. */
    @Column(name = "on_hold", nullable = false)
    private boolean onHold;
    @Column(name = "modified_at", nullable = false)
    private Instant modifiedAt;
    /** CUSTOMER or CONTACT (the spec's {@code type}); null means a customer. */
    @Column(name = "customer_type")
    private String type;
    @Column(name = "photo_url")
    private String photoUrl;

    @Version
    private long version;

    @OneToMany(mappedBy = "customer")
    @OrderBy("id")
    private List<LoginAccount> accounts = new ArrayList<>();

    /** The companies (B2B legal entities) the customer belongs to. */
    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "customer_legal_entity", joinColumns = @JoinColumn(name = "customer_id"),
            inverseJoinColumns = @JoinColumn(name = "legal_entity_pk"))
    private Set<LegalEntity> legalEntities = new LinkedHashSet<>();

    protected Customer() {
    }

    public Customer(String tenant, long number, Instant createdAt) {
        this.tenant = tenant;
        this.number = number;
        this.createdAt = createdAt;
        this.modifiedAt = createdAt;
    }

    @PreUpdate
    void touch() {
        modifiedAt = Instant.now();
    }

    /**
     * Sets every field of the profile from fields, absent ones included (an absent preference gets its default), then
     * checks the rules that span fields. contactEmail cannot be removed once it is set. fieldPrefix is where the fields
     * sit in the request body, for the errors.
     */
    public void apply(ProfileFields fields, String fieldPrefix) {
        if (contactEmail != null && (fields.contactEmail() == null || fields.contactEmail().isBlank())) {
            throw ApiException.validation("contactEmail cannot be removed once it is set.",
                    List.of(new ErrorMessage.Detail(fieldPrefix + "contactEmail", "invalid_value", "cannot be removed")));
        }
        title = fields.title();
        firstName = fields.firstName();
        middleName = fields.middleName();
        lastName = fields.lastName();
        contactEmail = fields.contactEmail() == null ? null : fields.contactEmail().trim();
        contactPhone = fields.contactPhone();
        company = fields.company();
        preferredLanguage = fields.preferredLanguage() == null ? DEFAULT_LANGUAGE : fields.preferredLanguage();
        preferredCurrency = fields.preferredCurrency() == null ? DEFAULT_CURRENCY
                : fields.preferredCurrency().toUpperCase(Locale.ROOT);
        preferredSite = fields.preferredSite() == null ? DEFAULT_SITE : fields.preferredSite();
        companyRegistrationId = fields.companyRegistrationId();
        mixins = fields.mixins();
        requireB2bNames(fieldPrefix);
    }

    /** A B2B customer (one with a company registration id) needs a first name, a last name and a company. */
    private void requireB2bNames(String fieldPrefix) {
        if (isBlank(companyRegistrationId)) {
            return;
        }
        List<ErrorMessage.Detail> missing = new ArrayList<>();
        if (isBlank(firstName)) missing.add(requiredWithB2b(fieldPrefix + "firstName"));
        if (isBlank(lastName)) missing.add(requiredWithB2b(fieldPrefix + "lastName"));
        if (isBlank(company)) missing.add(requiredWithB2b(fieldPrefix + "company"));
        if (!missing.isEmpty()) {
            throw ApiException.validation("A customer with a companyRegistrationId needs firstName, lastName and company.", missing);
        }
    }

    private static ErrorMessage.Detail requiredWithB2b(String field) {
        return new ErrorMessage.Detail(field, "missing_value", "is required when b2b.companyRegistrationId is given");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }


    /** The contact email after a confirmed email change that asked for it. */
    public void changeContactEmail(String email) {
        contactEmail = email;
    }

    /**
     * The back office's fields: type and photo as given, the status where given. True when the customer could log in
     * before and can no longer: its tokens must end.
     */
    public boolean applySeller(SellerFields fields) {
        type = fields.type();
        photoUrl = fields.photoUrl();
        boolean mayLogInBefore = mayLogIn();
        if (fields.active() != null) {
            active = fields.active();
        }
        if (fields.onHold() != null) {
            onHold = fields.onHold();
        }
        return mayLogInBefore && !mayLogIn();
    }

    /** 409 when the caller read another version than this one (optimistic locking by metadata.version; null: none). */
    public void requireVersion(Long expected) {
        if (expected != null && expected != version) {
            throw ApiException.conflict("The customer was changed by another request (version " + version + ", not "
                    + expected + "); read it again.");
        }
    }

    /** Whether the customer may log in and hold tokens: active and not on hold. */
    public boolean mayLogIn() {
        return active && !onHold;
    }

    public boolean isActive() {
        return active;
    }


    public boolean isOnHold() {
        return onHold;
    }


    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getModifiedAt() {
        return modifiedAt;
    }

    public String getType() {
        return type;
    }


    public String getPhotoUrl() {
        return photoUrl;
    }


    public Set<LegalEntity> getLegalEntities() {
        return legalEntities;
    }

    /** The number that names the customer within its tenant. */
    public String customerNumber() {
        return String.valueOf(number);
    }

    public long getNumber() {
        return number;
    }

    public Long getId() {
        return id;
    }

    public String getTenant() {
        return tenant;
    }

    public String getTitle() {
        return title;
    }


    public String getFirstName() {
        return firstName;
    }


    /** The first name for a mail's greeting; empty when none is known. */
    public String greetingName() {
        return firstName == null ? "" : firstName;
    }

    public String getMiddleName() {
        return middleName;
    }


    public String getLastName() {
        return lastName;
    }


    public String getContactEmail() {
        return contactEmail;
    }


    public String getContactPhone() {
        return contactPhone;
    }


    public String getCompany() {
        return company;
    }


    public String getPreferredLanguage() {
        return preferredLanguage;
    }


    public String getPreferredCurrency() {
        return preferredCurrency;
    }


    public String getPreferredSite() {
        return preferredSite;
    }


    public String getCompanyRegistrationId() {
        return companyRegistrationId;
    }


    public String getMixins() {
        return mixins;
    }


    /** The latest login through any of the customer's accounts. */
    public Instant getLastLogin() {
        return accounts.stream().map(LoginAccount::getLastLogin).filter(Objects::nonNull)
                .max(Instant::compareTo).orElse(null);
    }

    public long getVersion() {
        return version;
    }

    public List<LoginAccount> getAccounts() {
        return accounts;
    }
}
