package dev.soko.cli;

import java.time.Duration;
import java.util.Locale;

/**
 * What a command that writes rows did.
 *
 * @param rows how many rows were written
 * @param onlineKeys how many online keys were updated, 0 when online is off
 * @param took how long the work took
 * @param replaced how many stored rows a backfill removed from its range, 0 otherwise
 */
record WriteSummary(long rows, long onlineKeys, Duration took, long replaced) {

  WriteSummary(long rows, long onlineKeys, Duration took) {
    this(rows, onlineKeys, took, 0);
  }

  static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  /** Returns a count and its noun, such as {@code 1 key} or {@code 1,200 keys}. */
  static String count(long value, String noun) {
    return count(value) + " " + noun + (value == 1 ? "" : "s");
  }

  static String seconds(Duration took) {
    return String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0);
  }
}
