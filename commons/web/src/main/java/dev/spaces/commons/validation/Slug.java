package dev.spaces.commons.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A URL path segment: letters of any script (Chinese slugs are fine), digits, and single hyphens between
 * them; lower case for Latin letters; 1–200 characters.
 */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = Slug.PATTERN, message = "{spaces.slug}")
@Size(min = 1, max = 200)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
        ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Slug {
    String PATTERN = "^[\\p{Ll}\\p{Lo}\\p{Lm}\\p{N}]+(?:-[\\p{Ll}\\p{Lo}\\p{Lm}\\p{N}]+)*$";

    String message() default "{spaces.slug.invalid}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
