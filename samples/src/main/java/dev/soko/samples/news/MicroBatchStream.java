package dev.soko.samples.news;

import dev.soko.FeatureStore;
import dev.soko.samples.news.Windows.Window;
import java.time.Duration;
import java.util.List;

/**
 * Replays a MIND log as a micro-batch stream: the rows sorted by time, cut into windows, and each
 * window's engagement rows written to the store, which sends them offline and, for the groups
 * online, online.
 */
final class MicroBatchStream {

  private final FeatureStore store;
  private final Windows windows;

  MicroBatchStream(FeatureStore store, Windows windows) {
    this.store = store;
    this.windows = windows;
  }

  /** Replays the log and returns what it wrote and how fast. */
  Report replay(MindData data) {
    // Limitation: the whole log is held in memory and sorted before the replay; a log larger
    // than the heap needs an external sort first.
    List<Impression> sorted = data.inTimeOrder();
    EngagementFeatures features = new EngagementFeatures(data.articles(), windows);
    ArticleEngagementWriter articles = ArticleEngagementWriter.of(store);
    UserEngagementWriter users = UserEngagementWriter.of(store);
    long windowCount = 0;
    long articleRows = 0;
    long userRows = 0;
    long start = System.nanoTime();
    for (Window window : windows.over(sorted)) {
      EngagementFeatures.Rows rows = features.window(window);
      if (!rows.articles().isEmpty()) {
        articles.write(rows.articles());
      }

      if (!rows.users().isEmpty()) {
        users.write(rows.users());
      }

      windowCount++;
      articleRows += rows.articles().size();
      userRows += rows.users().size();
    }

    return new Report(
        windowCount,
        sorted.size(),
        articleRows,
        userRows,
        Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * What a replay did.
   *
   * @param windows the windows replayed, empty ones included
   * @param logRows the rows of {@code behaviors.tsv} replayed
   * @param articleRows the {@code article_engagement} rows written
   * @param userRows the {@code user_engagement} rows written
   * @param took how long the replay took, reading excluded
   */
  record Report(long windows, long logRows, long articleRows, long userRows, Duration took) {

    double windowsPerSecond() {
      return windows / seconds();
    }

    double logRowsPerSecond() {
      return logRows / seconds();
    }

    double featureRowsPerSecond() {
      return (articleRows + userRows) / seconds();
    }

    private double seconds() {
      return Math.max(took.toNanos(), 1) / 1e9;
    }
  }
}
