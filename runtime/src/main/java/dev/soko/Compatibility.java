package dev.soko;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Decides whether a new definition of an applied group version can replace it in place. */
final class Compatibility {

  private Compatibility() {}

  /**
   * Returns why the proposed spec would break readers of the applied one, or null when it would
   * not.
   */
  static @Nullable String breaking(GroupSpec applied, GroupSpec proposed) {
    List<String> problems = new ArrayList<>();
    if (!applied.keys().stream()
        .map(Compatibility::shape)
        .toList()
        .equals(proposed.keys().stream().map(Compatibility::shape).toList())) {
      problems.add(
          "the keys changed from "
              + applied.keys().stream().map(Compatibility::shape).toList()
              + " to "
              + proposed.keys().stream().map(Compatibility::shape).toList());
    }

    if (!applied.eventTime().name().equals(proposed.eventTime().name())) {
      problems.add(
          "the event time changed from '"
              + applied.eventTime().name()
              + "' to '"
              + proposed.eventTime().name()
              + "'");
    }

    for (Column old : applied.features()) {
      Column now = proposed.feature(old.name()).orElse(null);
      if (now == null) {
        problems.add("feature '" + old.name() + "' was removed or renamed");
      } else if (now.type() != old.type()) {
        problems.add(
            "feature '" + old.name() + "' changed type from " + old.type() + " to " + now.type());
      } else if (now.nullable() != old.nullable()) {
        problems.add(
            "feature '"
                + old.name()
                + "' became "
                + (now.nullable() ? "nullable" : "non-nullable"));
      }
    }

    for (Column now : proposed.features()) {
      if (applied.feature(now.name()).isEmpty() && !now.nullable()) {
        problems.add(
            "new feature '"
                + now.name()
                + "' is non-nullable, but stored rows have no value for it (make it a nullable"
                + " type)");
      }
    }

    if (problems.isEmpty()) {
      return null;
    }

    return "Cannot apply group '"
        + applied.name()
        + "' version "
        + applied.version()
        + ": "
        + String.join("; ", problems)
        + ". This breaks readers of the stored data: raise the version to "
        + (applied.version() + 1)
        + " to apply it as a new group.";
  }

  /** Returns what a compatible change changes, such as "added feature 'x'; new TTL". */
  static String changes(GroupSpec applied, GroupSpec proposed) {
    List<String> changes = new ArrayList<>();
    for (Column now : proposed.features()) {
      if (applied.feature(now.name()).isEmpty()) {
        changes.add("added feature '" + now.name() + "'");
      }
    }

    if (!applied.description().equals(proposed.description())) {
      changes.add("new description");
    }

    if (!applied.owner().equals(proposed.owner())) {
      changes.add("new owner");
    }

    if (!applied.tags().equals(proposed.tags())) {
      changes.add("new tags");
    }

    if (!java.util.Objects.equals(applied.ttl(), proposed.ttl())) {
      changes.add("new TTL " + proposed.ttlIfAny().map(Object::toString).orElse("(none)"));
    }

    if (applied.online() != proposed.online()) {
      changes.add("new online default");
    }

    if (changes.isEmpty()) {
      changes.add("new feature descriptions, tags or order");
    }

    return String.join("; ", changes);
  }

  private static String shape(Column column) {
    return column.name() + " " + column.type();
  }
}
