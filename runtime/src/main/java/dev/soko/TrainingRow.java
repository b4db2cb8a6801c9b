package dev.soko;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One row of a training set: the spine row's columns, then the joined features. Values are plain
 * values (see {@link GroupDefinition}); a spine timestamp without a zone reads as a {@code
 * LocalDateTime}.
 */
public final class TrainingRow {

  /** Where each column sits, shared by all rows of one output. */
  record Layout(
      List<String> columns,
      Map<String, Integer> index,
      Map<String, Map<String, String>> featureColumns) {}

  private final Layout layout;
  private final @Nullable Object[] values;

  TrainingRow(Layout layout, @Nullable Object[] values) {
    this.layout = layout;
    this.values = values;
  }

  /** Returns the column names: the spine's, then the features'. */
  public List<String> columns() {
    return layout.columns();
  }

  /**
   * Returns the value of any column, spine or feature, by its output name.
   *
   * @throws NullPointerException if the column is null
   * @throws IllegalArgumentException if there is no such column
   */
  public @Nullable Object value(String column) {
    Checks.given(
        column,
        "read a training row's value",
        "the column",
        "give one of its columns " + layout.columns());
    Integer position = layout.index().get(column);
    if (position == null) {
      throw new IllegalArgumentException(
          "Training set has no column '" + column + "'; its columns are " + layout.columns());
    }

    return values[position];
  }

  /**
   * Returns a feature's value.
   *
   * @throws IllegalArgumentException if the feature is not in the training set, or is in it twice
   *     under two aliases (then use {@link #get(String, FeatureRef)})
   */
  @SuppressWarnings("unchecked")
  public <T> @Nullable T get(FeatureRef<T> feature) {
    Checks.given(
        feature,
        "read a training row's feature",
        "the feature",
        "give a generated feature reference, such as UserEngagementGroup.CLICKS_24H");
    Map<String, String> columns = columns(feature);
    if (columns.size() > 1) {
      throw new IllegalArgumentException(
          "Feature "
              + feature
              + " is in this training set more than once, as "
              + columns.values()
              + "; name the join with get(alias, feature)");
    }

    return (T) value(columns.values().iterator().next());
  }

  /**
   * Returns the value of a feature of the group joined under the alias (or under its own name).
   *
   * @throws IllegalArgumentException if the feature is not in the training set under that alias
   */
  @SuppressWarnings("unchecked")
  public <T> @Nullable T get(String alias, FeatureRef<T> feature) {
    Checks.given(
        feature,
        "read a training row's feature",
        "the feature",
        "give a generated feature reference, such as UserEngagementGroup.CLICKS_24H");
    Checks.given(
        alias,
        "read feature " + feature + " of a training row",
        "the alias",
        "give the alias of its join, or use get(feature)");
    String column = columns(feature).get(alias);
    if (column == null) {
      throw new IllegalArgumentException(
          "Feature "
              + feature
              + " is not in this training set under '"
              + alias
              + "'; it is under "
              + columns(feature).keySet());
    }

    return (T) value(column);
  }

  private Map<String, String> columns(FeatureRef<?> feature) {
    Map<String, String> columns =
        layout.featureColumns().get(featureKey(feature.group().spec(), feature.name()));
    if (columns == null) {
      throw new IllegalArgumentException(
          "Feature "
              + feature
              + " is not in this training set; its columns are "
              + layout.columns());
    }

    return columns;
  }

  static String featureKey(GroupSpec spec, String feature) {
    return spec.qualifiedName() + "." + feature;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < values.length; i++) {
      out.append(i == 0 ? "" : ", ").append(layout.columns().get(i)).append('=').append(values[i]);
    }

    return out.append('}').toString();
  }
}
