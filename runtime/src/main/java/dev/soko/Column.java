package dev.soko;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * One column of a feature group: a key part, the event time, or a feature.
 *
 * @param name the column name, {@code [a-z][a-z0-9_]*}
 * @param type the column type
 * @param role whether the column is a key, the event time or a feature
 * @param nullable whether the column may hold nulls; keys and the event time never do
 * @param description what the column holds, or the empty string
 * @param tags free-form tags
 */
public record Column(
    String name,
    FeatureType type,
    Role role,
    boolean nullable,
    String description,
    List<String> tags) {

  /** What a column is to its group. */
  public enum Role {
    /** A part of the group's key. */
    KEY,
    /** The time at which the row's values became true. */
    EVENT_TIME,
    /** A feature value. */
    FEATURE
  }

  /** Creates a column, checking that a key or event time is of a fitting type and not nullable. */
  public Column {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    requireNonNull(role, "role");
    requireNonNull(description, "description");
    tags = List.copyOf(tags);
    if (role == Role.KEY && (!type.isKeyType() || nullable)) {
      throw new IllegalArgumentException(
          "Key column '" + name + "' must be a non-null STRING, INT or LONG, not " + type);
    }

    if (role == Role.EVENT_TIME && (type != FeatureType.TIMESTAMP || nullable)) {
      throw new IllegalArgumentException(
          "Event time column '" + name + "' must be a non-null TIMESTAMP, not " + type);
    }
  }

  /** Returns a key column. */
  public static Column key(String name, FeatureType type) {
    return new Column(name, type, Role.KEY, false, "", List.of());
  }

  /** Returns an event time column. */
  public static Column eventTime(String name) {
    return new Column(name, FeatureType.TIMESTAMP, Role.EVENT_TIME, false, "", List.of());
  }

  /** Returns a feature column without description or tags. */
  public static Column feature(String name, FeatureType type, boolean nullable) {
    return new Column(name, type, Role.FEATURE, nullable, "", List.of());
  }

  /** Returns this column's Arrow field. */
  public Field field() {
    return type.field(name, nullable);
  }
}
