package org.opencommerce.customer.profile.control;

import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.Caller;

/**
 * Which customer a change is for: the caller's own (from a customer token) or one a back-office client names in the
 * path. A customer that does not exist is a dead token in the first case (401) and the spec's 404 in the second.
 */
public record CustomerKey(String tenant, long customerId, boolean ownToken, String actor) {

    public static CustomerKey of(Caller caller) {
        return new CustomerKey(caller.tenant(), caller.customerId(), true, CustomerEventData.BY_CUSTOMER);
    }

    /** A customer named by the back-office client actor (who appears in the customer's events). */
    public static CustomerKey managed(String tenant, long customerId, String actor) {
        return new CustomerKey(tenant, customerId, false, actor);
    }

    ApiException missing() {
        return ownToken ? ApiException.invalidToken() : customerNotFound(String.valueOf(customerId));
    }

    /** The spec's 404 for a customer number that names no customer of the tenant. */
    public static ApiException customerNotFound(String customerNumber) {
        return ApiException.notFound("Customer not Found",
                "Couldn't find a customer with customerNumber '" + customerNumber + "'");
    }
}
