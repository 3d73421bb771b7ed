package org.opencommerce.customer.backoffice.control;

import org.opencommerce.customer.platform.web.ErrorMessage;

import java.util.List;

/** The spec's {@code CustomerBulkItemResponse}: what became of the item at index. */
public record ImportResult(int index, String id, int code, String status, String message, List<ErrorMessage.Detail> details) {

    static ImportResult created(int index, String id) {
        return new ImportResult(index, id, 201, "Created", null, null);
    }

    static ImportResult failed(int index, int code, String message, List<ErrorMessage.Detail> details) {
        String status = switch (code) {
            case 409 -> "Conflict";
            case 404 -> "Not Found";
            default -> "Bad Request";
        };
        return new ImportResult(index, null, code, status, message, details == null || details.isEmpty() ? null : details);
    }
}
