package com.example.news;

import dev.soko.EntityKey;
import dev.soko.FeatureStore;
import dev.soko.TimeRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.processing.Generated;

/**
 * Reads {@link UserEngagement} rows of feature group {@code user_engagement}, version 1: the latest
 * online values by key, and the offline history.
 */
@Generated("dev.soko.processor.FeatureGroupProcessor")
public final class UserEngagementReader {
  private final FeatureStore store;

  private UserEngagementReader(FeatureStore store) {
    this.store = Objects.requireNonNull(store, "Cannot create UserEngagementReader: the store is null; give an open store, such as FeatureStore.open()");
  }

  /** Returns a reader of the given store. */
  public static UserEngagementReader of(FeatureStore store) {
    return new UserEngagementReader(store);
  }

  /**
   * Returns the online value of one key, if online is on for the group and a value
   * within the TTL exists.
   *
   * @param userId the key column {@code user_id}
   * @return the latest value, or empty if there is none
   */
  public Optional<UserEngagement> latest(String userId) {
    return store.latest(UserEngagementGroup.DEFINITION, EntityKey.of(userId));
  }

  /**
   * Returns the online values of many keys, in the order given, leaving out the keys
   * that have no value.
   *
   * @param userIds the keys to look up
   * @return the latest value of each key that has one
   */
  public Map<String, UserEngagement> latest(Collection<String> userIds) {
    Objects.requireNonNull(userIds, "Cannot read the latest values of group 'user_engagement': the collection of keys is null; give one, or List.of() for none");
    List<EntityKey> entityKeys = new ArrayList<>(userIds.size());
    for (String userId : userIds) {
      entityKeys.add(EntityKey.of(userId));
    }

    Map<EntityKey, UserEngagement> found = store.latest(UserEngagementGroup.DEFINITION, entityKeys);
    Map<String, UserEngagement> rows = new LinkedHashMap<>();
    for (String userId : userIds) {
      UserEngagement row = found.get(EntityKey.of(userId));
      if (row != null) {
        rows.put(userId, row);
      }
    }

    return rows;
  }

  /**
   * Returns the offline history in a range of event times, one row per key and event
   * time, ordered by key then event time.
   *
   * @param range the event times to read
   * @return the rows in the range
   */
  public List<UserEngagement> history(TimeRange range) {
    return store.history(UserEngagementGroup.DEFINITION, range);
  }

  /**
   * Returns, for each key, the offline row in force at an instant: the one with the
   * latest event time at or before it, within the TTL.
   *
   * @param instant the instant to read at
   * @return one row per key that has a value then
   */
  public List<UserEngagement> asOf(Instant instant) {
    return store.asOf(UserEngagementGroup.DEFINITION, instant);
  }
}
