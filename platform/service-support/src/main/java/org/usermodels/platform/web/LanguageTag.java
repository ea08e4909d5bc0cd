package org.usermodels.platform.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.IllformedLocaleException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A well-formed IETF BCP 47 language tag with a language, such as {@code en}, {@code de-CH} or {@code pt-BR},
 * of at most {@value #MAX_LENGTH} characters (RFC 5646's advice for what to store; the column holds as many).
 */
@Documented
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = LanguageTag.Validator.class)
public @interface LanguageTag {

    int MAX_LENGTH = 35;

    String message() default "must be a BCP 47 language tag of at most 35 characters, such as 'en' or 'de-CH'";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Accepts {@code null}: whether a value is required is another constraint's business. */
    final class Validator implements ConstraintValidator<LanguageTag, String> {
        @Override
        public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (value.length() > MAX_LENGTH) {
                return false;
            }
            try {
                return !new Locale.Builder()
                        .setLanguageTag(value)
                        .build()
                        .getLanguage()
                        .isEmpty();
            } catch (IllformedLocaleException e) {
                return false;
            }
        }
    }
}
