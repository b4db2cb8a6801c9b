package dev.soko;

import java.time.Instant;

/**
 * A half-open range of event times, {@code [from, to)}.
 *
 * @param from the first instant in the range
 * @param to the first instant after the range
 */
public record TimeRange(Instant from, Instant to) {

  private static final String FIX =
      "give two instants, the first one in the range and the first one after it, such as"
          + " TimeRange.of(Instant.parse(\"2024-03-01T00:00:00Z\"),"
          + " Instant.parse(\"2024-04-01T00:00:00Z\"))";

  /**
   * Creates a range.
   *
   * @throws NullPointerException if an end is null
   * @throws IllegalArgumentException if {@code from} is not before {@code to}
   */
  public TimeRange {
    Checks.given(from, "create a time range", "'from'", FIX);
    Checks.given(to, "create a time range", "'to'", FIX);
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException(
          "Cannot create a time range from "
              + from
              + " to "
              + to
              + ": it is empty, since 'from' is not before 'to'; "
              + FIX);
    }
  }

  /** Returns the range {@code [from, to)}. */
  public static TimeRange of(Instant from, Instant to) {
    return new TimeRange(from, to);
  }

  /**
   * Returns whether the instant lies in the range.
   *
   * @throws NullPointerException if the instant is null
   */
  public boolean contains(Instant instant) {
    Checks.given(
        instant, "test whether range " + this + " contains an instant", "the instant", "give one");
    return !instant.isBefore(from) && instant.isBefore(to);
  }

  @Override
  public String toString() {
    return "[" + from + ", " + to + ")";
  }
}
