package org.opencommerce.customer.platform.web;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.util.List;

/** The spec's {@code ErrorMessage} body (400, 403, 404, 409). */
@JsonbPropertyOrder({"status", "type", "message", "moreInfo", "details"})
public record ErrorMessage(int status, String type, String message, String moreInfo, List<Detail> details) {

    public ErrorMessage {
        details = details == null || details.isEmpty() ? null : List.copyOf(details);
    }

    public record Detail(String field, String type, String message) {
    }
}
