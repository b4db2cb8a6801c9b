package dev.soko.samples.news;

import dev.soko.FeatureStore;
import dev.soko.SokoException;
import dev.soko.TimeRange;
import dev.soko.TrainingSet;
import java.util.List;

/**
 * Tries {@code user_category_affinity} offline: applies it with online serving off, backfills it
 * over the whole log in one atomic step, checks that the online store did not change, and rebuilds
 * the training set with it.
 */
final class NewFeatureLoop {

  private final FeatureStore store;
  private final Windows windows;

  NewFeatureLoop(FeatureStore store, Windows windows) {
    this.store = store;
    this.windows = windows;
  }

  /**
   * Runs the loop and returns the training set with the new feature.
   *
   * @throws SokoException if the backfill changed an online value or turned the group online
   */
  Outcome run(MindData data, List<Shown> spine) {
    store.apply(UserCategoryAffinityGroup.DEFINITION).orThrow();
    OnlineSnapshot before = OnlineSnapshot.take(store, data);
    List<Impression> sorted = data.inTimeOrder();
    List<UserCategoryAffinity> rows = AffinityFeatures.over(sorted, data.articles(), windows);
    TimeRange range = range(sorted);
    long written = UserCategoryAffinityWriter.of(store).backfill(range, rows).rows();
    OnlineSnapshot after = OnlineSnapshot.take(store, data);
    if (!after.equals(before)) {
      throw new SokoException(
          "Cannot trust the backfill of user_category_affinity: online engagement values changed");
    }

    if (store.online(UserCategoryAffinityGroup.DEFINITION).isEnabled()) {
      throw new SokoException(
          "Cannot trust the backfill of user_category_affinity: the group is online");
    }

    TrainingSet set = NewsTrainingSet.build(store, spine, NewsTrainingSet.Affinity.WITH);
    return new Outcome(range, written, before.size(), set);
  }

  /** Returns the range that holds every window of the log: from the first's start to the last's. */
  TimeRange range(List<Impression> sorted) {
    long first = windows.index(sorted.get(0).time());
    long last = windows.index(sorted.get(sorted.size() - 1).time());
    // Rows are stamped at window ends; the range is half-open, so it runs one window further.
    return TimeRange.of(windows.start(first), windows.end(last + 1));
  }

  /**
   * What the loop did.
   *
   * @param range the backfilled range
   * @param rows the rows backfilled
   * @param onlineValues the online values found unchanged after the backfill
   * @param trainingSet the training set with the new feature
   */
  record Outcome(TimeRange range, long rows, int onlineValues, TrainingSet trainingSet) {}
}
