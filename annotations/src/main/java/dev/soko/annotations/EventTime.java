package dev.soko.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the record component that holds the time at which the feature values became true.
 *
 * <p>Exactly one component of a feature group carries it, and its type is {@link
 * java.time.Instant}. Point-in-time joins and time-to-live checks compare against it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
public @interface EventTime {

  /** Returns the event time's column name. Defaults to the component's name in snake_case. */
  String name() default "";
}
