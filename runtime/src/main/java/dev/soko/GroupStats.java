package dev.soko;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Statistics of a group's offline history.
 *
 * @param rows how many rows are stored, duplicates included
 * @param firstEventTime the earliest event time, or null when empty
 * @param lastEventTime the latest event time, or null when empty
 * @param lastWrite when the store last accepted rows, or null when never
 */
public record GroupStats(
    long rows,
    @Nullable Instant firstEventTime,
    @Nullable Instant lastEventTime,
    @Nullable Instant lastWrite) {

  /** Statistics of a group with no rows. */
  public static final GroupStats EMPTY = new GroupStats(0, null, null, null);
}
