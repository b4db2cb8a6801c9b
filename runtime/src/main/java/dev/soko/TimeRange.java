package dev.soko;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A half-open range of event times, {@code [from, to)}.
 *
 * @param from the first instant in the range
 * @param to the first instant after the range
 */
public record TimeRange(Instant from, Instant to) {

  /**
   * Creates a range.
   *
   * @throws IllegalArgumentException if {@code from} is not before {@code to}
   */
  public TimeRange {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException(
          "Time range from " + from + " to " + to + " is empty: 'from' must be before 'to'");
    }
  }

  /** Returns the range {@code [from, to)}. */
  public static TimeRange of(Instant from, Instant to) {
    return new TimeRange(from, to);
  }

  /** Returns whether the instant lies in the range. */
  public boolean contains(Instant instant) {
    return !instant.isBefore(from) && instant.isBefore(to);
  }

  @Override
  public String toString() {
    return "[" + from + ", " + to + ")";
  }
}
