package org.opencommerce.customer.platform.web;

import org.opencommerce.customer.platform.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/** The REST application, served at the root so that the spec's paths are the real URLs. */
@ApplicationPath("/")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.ANONYMOUS, Roles.CUSTOMER, Roles.ADMIN, Roles.CUSTOMER_READ, Roles.CUSTOMER_MANAGE, Roles.IMPORT_READ,
        Roles.IMPORT_MANAGE})
public class CustomerServiceApplication extends Application {
}
