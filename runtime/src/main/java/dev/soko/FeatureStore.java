package dev.soko;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A feature store: the offline history, the online values and the registry of feature groups.
 *
 * <p>SKELETON: the signatures below are what generated writers and readers call. The runtime's
 * implementation fills the bodies and adds the rest of the API (open, apply, online switch,
 * training sets, registry search).
 */
public final class FeatureStore implements AutoCloseable {

  private FeatureStore() {}

  /**
   * Appends rows to the group's offline history, and to its online store when online is on. In one
   * call, the last of several rows with the same keys and event time wins.
   */
  public <R extends Record> WriteResult write(GroupDefinition<R> group, List<R> rows) {
    throw new UnsupportedOperationException("skeleton");
  }

  /**
   * Replaces, in one atomic step, every offline row of the group whose event time is in the range
   * with the given rows. The online store is not touched.
   */
  public <R extends Record> WriteResult backfill(
      GroupDefinition<R> group, TimeRange range, List<R> rows) {
    throw new UnsupportedOperationException("skeleton");
  }

  /** Returns the online value of one key, if online is on and a value within the TTL exists. */
  public <R extends Record> Optional<R> latest(GroupDefinition<R> group, EntityKey key) {
    throw new UnsupportedOperationException("skeleton");
  }

  /** Returns the online values of many keys, in the order given, leaving out absent keys. */
  public <R extends Record> Map<EntityKey, R> latest(
      GroupDefinition<R> group, Collection<EntityKey> keys) {
    throw new UnsupportedOperationException("skeleton");
  }

  /** Returns the deduplicated offline history of the group in the range, by key then event time. */
  public <R extends Record> List<R> history(GroupDefinition<R> group, TimeRange range) {
    throw new UnsupportedOperationException("skeleton");
  }

  /** Returns, for each key, the offline row in force at the instant (within the TTL). */
  public <R extends Record> List<R> asOf(GroupDefinition<R> group, Instant instant) {
    throw new UnsupportedOperationException("skeleton");
  }

  /**
   * Starts a point-in-time correct training set over the spine; choose the features and options on
   * the returned builder.
   */
  public TrainingSet.Builder trainingSet(Spine spine) {
    throw new UnsupportedOperationException("skeleton");
  }

  @Override
  public void close() {}
}
