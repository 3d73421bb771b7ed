package org.opencommerce.customer.platform.data;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks resources whose operations are run again, in a new transaction, when the database refused their transaction
 * for a conflict with another one: {@link ConflictRecognition} turns such a failure into a {@link TransactionConflict},
 * which the resource's MicroProfile Fault Tolerance {@code @Retry(retryOn = TransactionConflict.class)} retries.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RetriedOnConflict {
}
