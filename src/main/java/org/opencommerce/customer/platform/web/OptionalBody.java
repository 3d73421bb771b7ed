package org.opencommerce.customer.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A body parameter the contract marks as not required: an empty body arrives as null (JSON-B would refuse it). Read
 * by {@link RequestBodies}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface OptionalBody {
}
