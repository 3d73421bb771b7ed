package org.opencommerce.customer.verification.control;

import com.nulabinc.zxcvbn.StandardDictionaries;
import com.nulabinc.zxcvbn.StandardKeyboards;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.ZxcvbnBuilder;
import com.nulabinc.zxcvbn.matchers.Dictionary;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.web.ErrorMessage;
import org.opencommerce.customer.tenant.entity.TenantSnapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The rules a new password must follow: a minimum length (the tenant's own, else PASSWORD_MIN_LENGTH), at most 128
 * characters, not only spaces, and not guessable: zxcvbn (which knows lists of common and breached passwords, words,
 * names, keyboard patterns, dates and their l33t and reversed forms) must rate it at least the tenant's minimum
 * strength, else PASSWORD_MIN_STRENGTH (0 to 4; 2 means more than a million guesses; 0 switches the check off).
 */
@ApplicationScoped
public class PasswordPolicy {

    public static final int MAX_LENGTH = 128;

    @Inject
    @ConfigProperty(name = "PASSWORD_MIN_LENGTH", defaultValue = "8")
    int minLength;

    @Inject
    @ConfigProperty(name = "PASSWORD_MIN_STRENGTH", defaultValue = "2")
    int minStrength;

    private Zxcvbn strength;

    @PostConstruct
    void init() {
        strength = compactZxcvbn();
    }

    /** zxcvbn with its standard dictionaries and keyboards, the dictionaries held as {@link CompactDictionary}. */
    static Zxcvbn compactZxcvbn() {
        try {
            return new ZxcvbnBuilder()
                    .dictionaries(StandardDictionaries.loadAllDictionaries().stream()
                            .<Dictionary>map(CompactDictionary::new).toList())
                    .keyboards(StandardKeyboards.loadAllKeyboards())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("zxcvbn's word lists cannot be read", e);
        }
    }

    public void check(TenantSnapshot tenant, String field, String password) {
        int minLength = tenant.passwordMinLength() != null ? tenant.passwordMinLength() : this.minLength;
        int minStrength = tenant.passwordMinStrength() != null ? tenant.passwordMinStrength() : this.minStrength;
        String problem = null;
        if (password == null || password.isBlank()) {
            problem = "must not be empty";
        } else if (password.codePointCount(0, password.length()) < minLength) {
            problem = "must have at least " + minLength + " characters";
        } else if (password.length() > MAX_LENGTH) {
            problem = "must have at most " + MAX_LENGTH + " characters";
        } else if (minStrength > 0 && strength.measure(password).getScore() < minStrength) {
            problem = "is too common or too easy to guess; choose a longer or less predictable one";
        }
        if (problem != null) {
            throw ApiException.validation("The password does not follow the password policy.",
                    List.of(new ErrorMessage.Detail(field, "invalid_value", problem)));
        }
    }
}
