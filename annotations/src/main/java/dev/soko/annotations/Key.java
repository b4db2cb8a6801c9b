package dev.soko.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component as part of the feature group's key.
 *
 * <p>A key is a {@code String}, {@code int} or {@code long} (boxed or not) and is never null.
 * Several keys form a composite key, in declaration order; composite keys are compared part by
 * part.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
public @interface Key {

  /** Returns the key's column name. Defaults to the component's name in snake_case. */
  String name() default "";
}
