package dev.soko.spi;

import static java.util.Objects.requireNonNull;

import dev.soko.GroupSpec;
import java.util.List;

/**
 * One group's part of a training set: which spine columns hold its keys, and which of its features
 * are wanted under which output names.
 *
 * @param spec the group as the registry stores it
 * @param prefix the name the group goes by in this training set: its name, or an alias
 * @param spineKeys for each key column of the group, in order, the spine column holding it
 * @param features the wanted feature names, in output order
 * @param outputNames the output column name of each wanted feature, in the same order
 */
public record GroupJoin(
    GroupSpec spec,
    String prefix,
    List<String> spineKeys,
    List<String> features,
    List<String> outputNames) {

  /**
   * Creates a group join.
   *
   * @throws IllegalArgumentException if the lists do not line up with the group's keys and features
   */
  public GroupJoin {
    requireNonNull(spec, "spec");
    requireNonNull(prefix, "prefix");
    spineKeys = List.copyOf(spineKeys);
    features = List.copyOf(features);
    outputNames = List.copyOf(outputNames);
    if (spineKeys.size() != spec.keys().size()) {
      throw new IllegalArgumentException(
          "Group '" + spec.name() + "' has " + spec.keys().size() + " keys, not " + spineKeys);
    }

    if (features.size() != outputNames.size()) {
      throw new IllegalArgumentException(
          "Features " + features + " and output names " + outputNames + " must line up");
    }

    for (String feature : features) {
      if (spec.feature(feature).isEmpty()) {
        throw new IllegalArgumentException(
            "Group '" + spec.name() + "' has no feature '" + feature + "'");
      }
    }
  }
}
