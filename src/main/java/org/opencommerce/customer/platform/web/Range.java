package org.opencommerce.customer.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The values a {@link WholeNumber} parameter takes; {@link ParameterConverters} answers 400 for the others. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD})
public @interface Range {

    long min() default Long.MIN_VALUE;

    long max() default Long.MAX_VALUE;
}
