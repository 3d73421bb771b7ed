package org.opencommerce.customer.profile.control;

import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.opencommerce.customer.platform.IsoCodes;

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
    @IsoCodes.Country3166
    public String country;
    @Size(max = 100)
    public String state;
    @Size(max = 50)
    public String contactPhone;
    @Size(max = 50)
    public List<@NotBlank @Size(max = 100) String> tags;
    public JsonObject mixins;
}
