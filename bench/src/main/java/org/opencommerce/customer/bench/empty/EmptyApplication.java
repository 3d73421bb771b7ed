package org.opencommerce.customer.bench.empty;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The benchmark's ceiling: a JAX-RS application deployed in the same server as the service (/bench-empty). */
@ApplicationPath("/")
public class EmptyApplication extends Application {
}
