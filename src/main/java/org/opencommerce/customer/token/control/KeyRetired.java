package org.opencommerce.customer.token.control;

import java.time.Instant;

/** A signing key retired by this node's transaction: once it commits, the key no longer verifies here. */
public record KeyRetired(String kid, Instant at) {
}
