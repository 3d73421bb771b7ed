package org.opencommerce.customer.backoffice.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The back office's {@code sort}: {@code field}, {@code field:asc} or {@code field:desc}, several separated by commas;
 * ascending when not said. Results are always ordered by customer number last, so that pages never overlap.
 */
public record CustomerSort(List<Order> orders) {

    /** One field to order by. */
    public record Order(SearchField field, boolean descending) {
    }

    public static CustomerSort parse(String sort) {
        List<Order> orders = new ArrayList<>();
        if (sort != null && !sort.isBlank()) {
            for (String part : sort.split(",", 11)) {
                if (orders.size() == 10) {
                    throw CustomerQuery.invalidSort("at most 10 fields");
                }
                orders.add(order(part.trim()));
            }
        }
        return new CustomerSort(List.copyOf(orders));
    }

    private static Order order(String part) {
        int colon = part.lastIndexOf(':');
        String name = colon < 0 ? part : part.substring(0, colon);
        String direction = colon < 0 ? "asc" : part.substring(colon + 1).toLowerCase(Locale.ROOT);
        SearchField field = SearchField.named(name).filter(SearchField::sortable)
                .orElseThrow(() -> CustomerQuery.invalidSort("cannot sort by '" + name + "'"));
        if (!direction.equals("asc") && !direction.equals("desc")) {
            throw CustomerQuery.invalidSort("a direction is asc or desc, not '" + direction + "'");
        }
        return new Order(field, direction.equals("desc"));
    }
}
