package dev.soko;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Statistics of a group's offline history.
 *
 * @param rows how many rows are stored, duplicates included
 * @param firstEventTime the earliest event time, or null when empty
 * @param lastEventTime the latest event time, or null when empty
 * @param lastWrite when the store last accepted or replaced rows, or null when never; after rows
 *     are expired it may be earlier than it was
 * @param replacedRows how many rows that backfills changed or removed the store keeps, so that
 *     training sets "as known at" still see them (see {@link FeatureStore#expireReplaced})
 */
public record GroupStats(
    long rows,
    @Nullable Instant firstEventTime,
    @Nullable Instant lastEventTime,
    @Nullable Instant lastWrite,
    long replacedRows) {

  /** Statistics of a group with no rows. */
  public static final GroupStats EMPTY = new GroupStats(0, null, null, null, 0);

  /** Creates the statistics of a group that keeps no replaced rows. */
  public GroupStats(
      long rows,
      @Nullable Instant firstEventTime,
      @Nullable Instant lastEventTime,
      @Nullable Instant lastWrite) {
    this(rows, firstEventTime, lastEventTime, lastWrite, 0);
  }
}
