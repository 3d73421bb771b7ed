package org.opencommerce.customer.bench.empty;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Answers a small constant JSON object: the cost of HTTP + JAX-RS alone, nothing of the service. */
@Path("ping")
public class EmptyResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String ping() {
        return "{\"ok\":true}";
    }
}
