package com.example.news;

import dev.soko.FeatureStore;
import dev.soko.TimeRange;
import dev.soko.WriteResult;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/** Writes {@link UserEngagement} rows to feature group {@code user_engagement}, version 1. */
@Generated("dev.soko.processor.FeatureGroupProcessor")
public final class UserEngagementWriter {
  private final FeatureStore store;

  private UserEngagementWriter(FeatureStore store) {
    this.store = Objects.requireNonNull(store, "Cannot create UserEngagementWriter: the store is null; give an open store, such as FeatureStore.open()");
  }

  /** Returns a writer to the given store. */
  public static UserEngagementWriter of(FeatureStore store) {
    return new UserEngagementWriter(store);
  }

  /**
   * Appends rows to the group's offline history, and to its online store when
   * online is on. In one call, the last of several rows with the same keys
   * and event time wins.
   *
   * @param rows the rows to append
   * @return what the store did
   */
  public WriteResult write(List<UserEngagement> rows) {
    return store.write(UserEngagementGroup.DEFINITION, rows);
  }

  /**
   * Replaces, in one atomic step, every offline row of the group whose event time
   * is in the range with the given rows. The online store is not touched.
   *
   * @param range the event times to replace
   * @param rows the rows that replace them, all with an event time in the range
   * @return what the store did
   */
  public WriteResult backfill(TimeRange range, List<UserEngagement> rows) {
    return store.backfill(UserEngagementGroup.DEFINITION, range, rows);
  }
}
