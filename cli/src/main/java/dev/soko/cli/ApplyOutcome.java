package dev.soko.cli;

/**
 * What applying one definition did.
 *
 * @param kind created, changed, unchanged or refused
 * @param group the group name
 * @param version the group version
 * @param detail what changed, or why it was refused; empty otherwise
 */
record ApplyOutcome(Kind kind, String group, int version, String detail) {

  /** What applying a definition did to the registry. */
  enum Kind {
    CREATED,
    CHANGED,
    UNCHANGED,
    REFUSED,
    /** Not applied, because another group of the same call was refused. */
    SKIPPED;

    /** Returns what was done, such as {@code created}. */
    String verb() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Returns the line {@code apply} prints, such as {@code created orders v1}. */
  String line() {
    String head = String.format("%-9s %s v%d", kind.verb(), group, version);
    return detail.isEmpty() ? head : head + ": " + detail;
  }
}
