package org.opencommerce.customer.platform;

/**
 * A CDI event fired inside the transaction that deletes a customer, before the row goes: whatever holds state about
 * the customer (its logins' grants) ends it through its own path.
 */
public record CustomerDeleted(String tenant, long customerId) {
}
