package dev.soko.spi;

import dev.soko.EntityKey;
import java.time.Instant;
import java.util.List;

/**
 * One entity's latest values in an online store.
 *
 * @param key the entity's key
 * @param eventTime the event time of the values
 * @param ingestedAt when the store accepted them
 * @param features the feature values in {@link dev.soko.GroupSpec#features()} order, as plain
 *     values (see {@link dev.soko.GroupDefinition}); elements may be null
 */
public record OnlineRow(
    EntityKey key, Instant eventTime, Instant ingestedAt, List<Object> features) {

  /**
   * Returns whether this row should replace {@code other}: a newer event time, or a tie broken by a
   * later ingestion.
   */
  public boolean supersedes(OnlineRow other) {
    int byEventTime = eventTime.compareTo(other.eventTime);
    return byEventTime > 0 || (byEventTime == 0 && ingestedAt.compareTo(other.ingestedAt) >= 0);
  }
}
