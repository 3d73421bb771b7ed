package org.opencommerce.customer.profile.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.opencommerce.customer.platform.crypto.Secrets;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * An entry of a customer's address book. Its id (random, or chosen by the back office) is unique within its customer
 * only, so an address is found only through its customer ({@link #BY_ID}); its key is internal.
 */
@Entity
@Table(name = "address")
@NamedQuery(name = Address.OF_CUSTOMER,
        query = "SELECT a FROM Address a WHERE a.customer.id = :customerId ORDER BY a.createdAt, a.id")
@NamedQuery(name = Address.CLEAR_DEFAULT,
        query = "UPDATE Address a SET a.defaultAddress = false WHERE a.customer.id = :customerId AND a.id <> :keep AND a.defaultAddress = true")
@NamedQuery(name = Address.COUNT_OF_CUSTOMER, query = "SELECT COUNT(a) FROM Address a WHERE a.customer.id = :customerId")
@NamedQuery(name = Address.OF_CUSTOMERS,
        query = "SELECT a FROM Address a WHERE a.customer.id IN :customerIds ORDER BY a.createdAt, a.id")
@NamedQuery(name = Address.DEFAULTS_OF_CUSTOMERS,
        query = "SELECT a FROM Address a WHERE a.customer.id IN :customerIds AND a.defaultAddress = true")
@NamedQuery(name = Address.DEFAULT_WITH_TAGS, query = "SELECT a FROM Address a LEFT JOIN FETCH a.tags "
        + "WHERE a.customer.id = :customerId AND a.defaultAddress = true")
@NamedQuery(name = Address.BY_ID, query = "SELECT a FROM Address a WHERE a.customer = :customer AND a.id = :id")
public class Address {

    public static final String BY_ID = "Address.byId";

    public static final String OF_CUSTOMERS = "Address.ofCustomers";
    public static final String DEFAULTS_OF_CUSTOMERS = "Address.defaultsOfCustomers";
    public static final String DEFAULT_WITH_TAGS = "Address.defaultWithTags";

    public static final String OF_CUSTOMER = "Address.ofCustomer";
    public static final String CLEAR_DEFAULT = "Address.clearDefault";
    public static final String COUNT_OF_CUSTOMER = "Address.countOfCustomer";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long pk;

    @Column(length = 32, nullable = false, updatable = false)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    private Customer customer;

    @Column(name = "contact_name", nullable = false)
    private String contactName;
    @Column(name = "company_name")
    private String companyName;
    private String street;
    @Column(name = "street_number")
    private String streetNumber;
    @Column(name = "street_appendix")
    private String streetAppendix;
    @Column(name = "extra_line1")
    private String extraLine1;
    @Column(name = "extra_line2")
    private String extraLine2;
    @Column(name = "extra_line3")
    private String extraLine3;
    @Column(name = "extra_line4")
    private String extraLine4;
    @Column(name = "zip_code")
    private String zipCode;
    private String city;
    private String country;
    private String state;
    @Column(name = "contact_phone")
    private String contactPhone;
    @Column(name = "is_default", nullable = false)
    private boolean defaultAddress;
    private String mixins;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "address_tag", joinColumns = @JoinColumn(name = "address_pk"))
    @Column(name = "tag")
    private Set<String> tags = new LinkedHashSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Address() {
    }

    /** An address with the id given, or a random one when id is null. */
    public Address(String id, Customer customer, String contactName, Instant createdAt) {
        this.id = id != null ? id : Secrets.newId();
        this.customer = customer;
        this.contactName = contactName;
        this.createdAt = createdAt;
    }

    public String getId() { return id; }
    public Customer getCustomer() { return customer; }
    public String getContactName() { return contactName; }
    public void setContactName(String v) { contactName = v; }
    public String getCompanyName() { return companyName; }
    public void setCompanyName(String v) { companyName = v; }
    public String getStreet() { return street; }
    public void setStreet(String v) { street = v; }
    public String getStreetNumber() { return streetNumber; }
    public void setStreetNumber(String v) { streetNumber = v; }
    public String getStreetAppendix() { return streetAppendix; }
    public void setStreetAppendix(String v) { streetAppendix = v; }
    public String getExtraLine1() { return extraLine1; }
    public void setExtraLine1(String v) { extraLine1 = v; }
    public String getExtraLine2() { return extraLine2; }
    public void setExtraLine2(String v) { extraLine2 = v; }
    public String getExtraLine3() { return extraLine3; }
    public void setExtraLine3(String v) { extraLine3 = v; }
    public String getExtraLine4() { return extraLine4; }
    public void setExtraLine4(String v) { extraLine4 = v; }
    public String getZipCode() { return zipCode; }
    public void setZipCode(String v) { zipCode = v; }
    public String getCity() { return city; }
    public void setCity(String v) { city = v; }
    public String getCountry() { return country; }
    public void setCountry(String v) { country = v; }
    public String getState() { return state; }
    public void setState(String v) { state = v; }
    public String getContactPhone() { return contactPhone; }
    public void setContactPhone(String v) { contactPhone = v; }
    public boolean isDefaultAddress() { return defaultAddress; }
    public void setDefaultAddress(boolean v) { defaultAddress = v; }
    public String getMixins() { return mixins; }
    public void setMixins(String v) { mixins = v; }
    public Set<String> getTags() { return tags; }
    public long getVersion() { return version; }
}
