package org.opencommerce.customer.signup.control;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencommerce.customer.events.control.CustomerEvents;
import org.opencommerce.customer.events.control.EventTypes;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.Caller;
import org.opencommerce.customer.platform.web.ErrorMessage;
import org.opencommerce.customer.platform.web.RateLimits;
import org.opencommerce.customer.profile.control.Accounts;
import org.opencommerce.customer.profile.control.AddressBook;
import org.opencommerce.customer.profile.control.CustomerDetails;
import org.opencommerce.customer.profile.control.CustomerEventData;
import org.opencommerce.customer.profile.control.Customers;
import org.opencommerce.customer.profile.entity.Customer;
import org.opencommerce.customer.profile.entity.LoginAccount;
import org.opencommerce.customer.secrets.control.PasswordHasher;
import org.opencommerce.customer.secrets.control.PasswordPolicy;
import org.opencommerce.customer.tenant.control.Tenants;
import org.opencommerce.customer.tenant.entity.TenantSnapshot;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Creates customer accounts. */
@Stateless
public class Signups {

    @PersistenceContext
    EntityManager em;

    @Inject
    Customers customers;

    @Inject
    CustomerEvents events;

    @Inject
    Tenants tenants;

    @Inject
    Accounts accounts;

    @Inject
    PasswordPolicy policy;

    @Inject
    PasswordHasher passwords;

    @Inject
    AddressBook addressBook;

    @Inject
    OptIns optIns;

    @Inject
    Clock clock;

    @Inject
    SignupMetrics metrics;

    @Resource
    SessionContext context;

    @Inject
    RateLimits rateLimits;

    @Inject
    @ConfigProperty(name = "RATE_LIMIT_SIGNUP_PER_MINUTE", defaultValue = "30")
    int perMinute;

    /**
     * Creates the customer with its login account (and its first address, as default) and answers the customer
     * number. With double opt-in on for the tenant, the account waits for the activation link mailed to it.
     * The login email is {@code signup.email} when separate credentials are given, else {@code email}; it
     * must not be a login of the tenant yet (409). Each costs a hash: at most RATE_LIMIT_SIGNUP_PER_MINUTE per client
     * address.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public String signup(Caller caller, CustomerSignup request) {
        rateLimits.require("signup", perMinute);
        TenantSnapshot tenant = tenants.require(caller.tenant());
        boolean separateLogin = request.signup != null;
        String loginEmail = separateLogin ? request.signup.email : request.email;
        String password = separateLogin ? request.signup.password : request.password;
        policy.check(tenant, separateLogin ? "signup.password" : "password", password);
        if (request.customerDetails != null && request.customerDetails.contactEmail != null
                && !request.customerDetails.contactEmail.trim().equalsIgnoreCase(request.email.trim())) {
            throw ApiException.validation("customerDetails.contactEmail must be the same as email.",
                    List.of(new ErrorMessage.Detail("customerDetails.contactEmail", "invalid_value", "must equal email")));
        }
        // Hashed before the transaction starts: no pooled connection waits for the slow, CPU-bound hash.
        String passwordHash = passwords.hash(password);
        forgetPasswords(request);
        String customerNumber = context.getBusinessObject(Signups.class)
                .create(tenant.name(), request, loginEmail, passwordHash);
        metrics.signedUp();
        return customerNumber;
    }

    /**
     * Drops the plain passwords once hashed: the transactional call's arguments are what a server dumps into its
     * diagnostic files (Liberty's FFDC) when a commit fails, and a password must never reach a log.
     */
    private static void forgetPasswords(CustomerSignup request) {
        request.password = null;
        if (request.signup != null) {
            request.signup.password = null;
        }
    }

    /** The transactional part of {@link #signup}: the customer, its login and first address, or nothing. */
    public String create(String tenantName, CustomerSignup request, String loginEmail, String passwordHash) {
        TenantSnapshot tenant = tenants.require(tenantName);
        accounts.dropPendingClaim(tenant.name(), loginEmail);
        if (accounts.exists(tenant.name(), loginEmail)) {
            throw Accounts.duplicate(loginEmail, tenant.name());
        }
        Instant now = clock.instant();
        Customer customer = customers.register(tenant.name(), null);
        CustomerDetails details = request.customerDetails != null ? request.customerDetails : new CustomerDetails();
        if (details.contactEmail == null) {
            details.contactEmail = request.email;
        }
        customers.change(customer, details.fields(), "customerDetails.");
        LoginAccount account = new LoginAccount(customer, loginEmail, passwordHash, now);
        account.setActivated(!tenant.doubleOptIn());
        em.persist(account);
        if (request.customerAddress != null) {
            addressBook.add(customer, request.customerAddress, true);
        }
        accounts.flushClaiming(loginEmail, tenant.name());
        events.emit(tenant.name(), EventTypes.CREATED, customer.getId(), () -> CustomerEventData.profile(customer));
        if (tenant.doubleOptIn()) {
            optIns.sendActivationMail(tenant, account);
        }
        return customer.customerNumber();
    }
}
