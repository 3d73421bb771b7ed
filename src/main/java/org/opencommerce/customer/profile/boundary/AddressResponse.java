package org.opencommerce.customer.profile.boundary;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.opencommerce.customer.platform.JsonText;
import org.opencommerce.customer.profile.entity.Address;

import java.util.List;

/** The spec's {@code AddressDto}. */
@JsonbPropertyOrder({"id", "contactName", "companyName", "street", "streetNumber", "streetAppendix", "extraLine1",
        "extraLine2", "extraLine3", "extraLine4", "zipCode", "city", "country", "state", "contactPhone", "tags",
        "isDefault", "mixins", "metadata"})
public record AddressResponse(String id, String contactName, String companyName, String street, String streetNumber,
                              String streetAppendix, String extraLine1, String extraLine2, String extraLine3,
                              String extraLine4, String zipCode, String city, String country, String state,
                              String contactPhone, List<String> tags,
                              @JsonbProperty("isDefault") boolean isDefault,
                              JsonObject mixins, Metadata metadata) {

    public static AddressResponse of(Address a) {
        return new AddressResponse(a.getId(), a.getContactName(), a.getCompanyName(), a.getStreet(), a.getStreetNumber(),
                a.getStreetAppendix(), a.getExtraLine1(), a.getExtraLine2(), a.getExtraLine3(), a.getExtraLine4(),
                a.getZipCode(), a.getCity(), a.getCountry(), a.getState(), a.getContactPhone(),
                a.getTags().stream().sorted().toList(), a.isDefaultAddress(), JsonText.objectOrEmpty(a.getMixins()),
                new Metadata(a.getVersion(), JsonObject.EMPTY_JSON_OBJECT));
    }

    /** The spec's {@code DefaultDtoMetadata}. */
    public record Metadata(long version, JsonObject mixins) {
    }
}
