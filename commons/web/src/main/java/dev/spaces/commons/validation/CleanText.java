package dev.spaces.commons.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text that can be stored and shown safely: no NUL or other control characters (tab, CR and LF allowed
 * only when {@link #multiline()}), no unpaired surrogates (they cannot be encoded as UTF-8).
 */
@Documented
@Constraint(validatedBy = CleanTextValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
        ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface CleanText {
    String message() default "{spaces.clean-text}";

    boolean multiline() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
