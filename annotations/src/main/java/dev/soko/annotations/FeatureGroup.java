package dev.soko.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a record as a feature group: a set of features that share keys and an event time.
 *
 * <p>Soko's annotation processor generates, next to the record, a definition ({@code
 * <Record>Group}), a writer ({@code <Record>Writer}), a reader ({@code <Record>Reader}) and a
 * registry entry. Exactly one component must carry {@link EventTime}, at least one must carry
 * {@link Key}, and every other component is a feature.
 *
 * <pre>{@code
 * @FeatureGroup(name = "user_engagement", owner = "news-recs", ttl = "P7D")
 * public record UserEngagement(@Key String userId, @EventTime Instant eventTime, long clicks24h) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface FeatureGroup {

  /**
   * Returns the group's name: lower case letters, digits and underscores, starting with a letter,
   * at most 63 characters. Defaults to the record's simple name in snake_case.
   */
  String name() default "";

  /**
   * Returns the group's version, at least 1. Raise it for any change that would break readers: a
   * removed, renamed or retyped feature, or changed keys.
   */
  int version() default 1;

  /** Returns what the group describes, for people searching the registry. */
  String description() default "";

  /** Returns the team or person who owns the group. */
  String owner() default "";

  /** Returns free-form tags that the registry can be searched by. */
  String[] tags() default {};

  /**
   * Returns how long a value stays valid after its event time, as an ISO-8601 duration such as
   * {@code "P7D"} or {@code "PT1H"}. Empty means values never expire.
   */
  String ttl() default "";

  /**
   * Returns whether online serving is wanted for the group. This is the group's initial state when
   * it is first applied; online serving can be switched on or off at any time afterwards.
   */
  boolean online() default false;
}
