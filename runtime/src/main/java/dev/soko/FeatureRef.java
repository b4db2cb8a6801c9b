package dev.soko;

import static java.util.Objects.requireNonNull;

/**
 * A typed reference to one feature of a group, such as {@code UserEngagementGroup.CLICKS_24H}.
 *
 * @param <T> the Java type of the feature's values
 */
public final class FeatureRef<T> {

  private final GroupDefinition<?> group;
  private final String name;
  private final FeatureType type;

  /**
   * Creates a reference. Generated code calls this; users take the generated constants.
   *
   * @throws IllegalArgumentException if the group has no such feature, or it is of another type
   */
  public FeatureRef(GroupDefinition<?> group, String name, FeatureType type) {
    this.group = requireNonNull(group, "group");
    this.name = requireNonNull(name, "name");
    this.type = requireNonNull(type, "type");
    Column column =
        group
            .spec()
            .feature(name)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Group '" + group.name() + "' has no feature '" + name + "'"));
    if (column.type() != type) {
      throw new IllegalArgumentException(
          "Feature '"
              + name
              + "' of group '"
              + group.name()
              + "' is "
              + column.type()
              + ", not "
              + type);
    }
  }

  /** Returns the group the feature belongs to. */
  public GroupDefinition<?> group() {
    return group;
  }

  /** Returns the feature's column name. */
  public String name() {
    return name;
  }

  /** Returns the feature's type. */
  public FeatureType type() {
    return type;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FeatureRef<?> that
        && group.equals(that.group)
        && name.equals(that.name);
  }

  @Override
  public int hashCode() {
    return group.hashCode() * 31 + name.hashCode();
  }

  @Override
  public String toString() {
    return group.name() + "." + name;
  }
}
