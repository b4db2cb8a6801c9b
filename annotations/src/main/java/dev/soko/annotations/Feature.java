package dev.soko.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a feature. Optional: every component that is neither a {@link Key} nor the {@link
 * EventTime} is a feature already; this annotation only adds a description, tags or a different
 * column name.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
public @interface Feature {

  /** Returns the feature's column name. Defaults to the component's name in snake_case. */
  String name() default "";

  /** Returns what the feature measures, for people searching the registry. */
  String description() default "";

  /** Returns free-form tags that the registry can be searched by. */
  String[] tags() default {};
}
