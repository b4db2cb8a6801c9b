package dev.soko;

import java.util.List;

/**
 * What applying definitions did to each group. When any group is refused, nothing was applied.
 *
 * @param changes one entry per group, in the order given
 */
public record ApplyResult(List<Change> changes) {

  /** What applying did to one group. */
  public enum Outcome {
    /** The group was new and was created. */
    CREATED,
    /** A compatible change was applied in place, without touching data. */
    UPDATED,
    /** The definition equals the applied one. */
    UNCHANGED,
    /** A breaking change was refused; see the message. */
    REFUSED
  }

  /**
   * What applying did to one group.
   *
   * @param group the group name
   * @param version the group version
   * @param outcome what happened
   * @param message what changed, or why it was refused
   */
  public record Change(String group, int version, Outcome outcome, String message) {}

  /** Creates a result. */
  public ApplyResult {
    changes = List.copyOf(changes);
  }

  /** Returns the changes that were refused; empty when everything was applied. */
  public List<Change> refused() {
    return changes.stream().filter(c -> c.outcome() == Outcome.REFUSED).toList();
  }

  /**
   * Throws if a change was refused.
   *
   * @throws SokoException with the refusal messages, one per line
   */
  public ApplyResult orThrow() {
    List<Change> refused = refused();
    if (!refused.isEmpty()) {
      throw new SokoException(String.join("\n", refused.stream().map(Change::message).toList()));
    }

    return this;
  }
}
