package org.opencommerce.customer.address.boundary;

import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The spec's {@code Address} / {@code AddressCreateDto} as a request body. */
public class AddressInput {

    @NotBlank
    @Size(max = 200)
    public String contactName;
    @Size(max = 200)
    public String companyName;
    @Size(max = 200)
    public String street;
    @Size(max = 50)
    public String streetNumber;
    @Size(max = 200)
    public String streetAppendix;
    @Size(max = 200)
    public String extraLine1;
    @Size(max = 200)
    public String extraLine2;
    @Size(max = 200)
    public String extraLine3;
    @Size(max = 200)
    public String extraLine4;
    @Size(max = 20)
    public String zipCode;
    @Size(max = 100)
    public String city;
    @Pattern(regexp = "[A-Za-z]{2}", message = "must be a 2-letter ISO 3166 country code")
    public String country;
    @Size(max = 100)
    public String state;
    @Size(max = 50)
    public String contactPhone;
    @Size(max = 50)
    public List<@NotBlank @Size(max = 100) String> tags;
    public JsonObject mixins;
}
