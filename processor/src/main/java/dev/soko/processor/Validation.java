package dev.soko.processor;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of validating one {@code @FeatureGroup} type: either deferred to a later round, or
 * its problems and, when there are none, its model.
 */
record Validation(boolean deferred, List<Problem> problems, Optional<GroupModel> model) {

  static Validation defer() {
    return new Validation(true, List.of(), Optional.empty());
  }

  static Validation invalid(List<Problem> problems) {
    return new Validation(false, List.copyOf(problems), Optional.empty());
  }

  static Validation valid(GroupModel model) {
    return new Validation(false, List.of(), Optional.of(model));
  }
}
