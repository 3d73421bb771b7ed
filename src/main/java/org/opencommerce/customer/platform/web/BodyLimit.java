package org.opencommerce.customer.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A larger body limit for one operation's body parameter (a bulk import of 200 customers), instead of
 * MAX_BODY_BYTES. Read by {@link RequestBodies}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface BodyLimit {

    /** The largest body the operation takes, in bytes. */
    int bytes();
}
