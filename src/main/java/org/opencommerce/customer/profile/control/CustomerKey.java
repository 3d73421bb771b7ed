package org.opencommerce.customer.profile.control;

import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.Caller;
import org.opencommerce.customer.platform.web.ErrorMessage;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which customer a change is for: the caller's own (the internal id its verified token's grant holds) or one a
 * back-office client names by number in the path. Either way the tenant is part of the key: a customer is never found
 * outside it. A customer that does not exist is a dead token in the first case (401) and the spec's 404 in the second.
 *
 * @param customerId the own customer's internal id (a customer token), else null
 * @param number     the customer number a back-office client named, else null
 */
public record CustomerKey(String tenant, Long customerId, Long number, String actor) {

    private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,17}");

    public static CustomerKey of(Caller caller) {
        return new CustomerKey(caller.tenant(), caller.customerId(), null, CustomerEventData.BY_CUSTOMER);
    }

    /** A customer named by the back-office client actor (who appears in the customer's events). */
    public static CustomerKey managed(String tenant, long number, String actor) {
        return new CustomerKey(tenant, null, number, actor);
    }

    public boolean ownToken() {
        return customerId != null;
    }

    ApiException missing() {
        return ownToken() ? ApiException.invalidToken() : customerNotFound(String.valueOf(number));
    }

    /** The spec's 404 for a customer number that names no customer of the tenant. */
    public static ApiException customerNotFound(String customerNumber) {
        return ApiException.notFound("Customer not Found",
                "Couldn't find a customer with customerNumber '" + customerNumber + "'");
    }

    /** A customer number as a caller sends it (digits, no leading zero); anything else is a bad parameter: 400. */
    public static long number(String customerNumber) {
        if (customerNumber == null || !NUMBER.matcher(customerNumber).matches()) {
            throw ApiException.validation("customerNumber must be a customer number: 1 to 18 digits, not starting with 0.",
                    List.of(new ErrorMessage.Detail("customerNumber", "invalid_value",
                            "must be 1 to 18 digits, not starting with 0")));
        }
        return Long.parseLong(customerNumber);
    }
}
