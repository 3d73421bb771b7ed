package org.opencommerce.customer.profile.entity;

/**
 * What only the back office sets on a profile: its classification (the spec's {@code type}), its photo, and its status
 * ({@code active}, {@code onHold}; null leaves the status as it is).
 */
public record SellerFields(String type, String photoUrl, Boolean active, Boolean onHold) {
}
