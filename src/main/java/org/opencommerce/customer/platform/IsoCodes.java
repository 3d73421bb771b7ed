package org.opencommerce.customer.platform;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Bean Validation of the standard codes the contract names, against the Java runtime's own lists (any case). */
public final class IsoCodes {

    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private IsoCodes() {
    }

    /** An ISO 4217 currency code such as EUR. */
    @Constraint(validatedBy = CurrencyValidator.class)
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Currency4217 {
        String message() default "must be an ISO 4217 currency code such as EUR";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};
    }

    /** An ISO 3166-1 alpha-2 country code such as DE. */
    @Constraint(validatedBy = CountryValidator.class)
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Country3166 {
        String message() default "must be an ISO 3166-1 alpha-2 country code such as DE";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};
    }

    public static class CurrencyValidator implements ConstraintValidator<Currency4217, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || CURRENCIES.contains(value.toUpperCase(Locale.ROOT));
        }
    }

    public static class CountryValidator implements ConstraintValidator<Country3166, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || COUNTRIES.contains(value.toUpperCase(Locale.ROOT));
        }
    }
}
