package org.opencommerce.customer.platform.cluster;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks resources whose operations are run again, in a new transaction, when the database chose their transaction
 * as a deadlock victim or it waited too long for a row lock ({@link LockConflictRetries}).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RetriedOnLockConflict {
}
