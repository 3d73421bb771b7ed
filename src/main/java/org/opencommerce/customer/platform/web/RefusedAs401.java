package org.opencommerce.customer.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an operation whose contract lists no 403 (logout: 204/400/401; validateauthtoken: 200/401): a caller the
 * request guard refuses (wrong kind of token, malformed tenant) gets the 401 fault there instead of 403 or 400.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RefusedAs401 {
}
