package dev.soko.samples.news;

import dev.soko.samples.news.Impression.Candidate;
import dev.soko.samples.news.Windows.Window;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes {@code user_category_affinity} window by window, with the same windows and the same rule
 * as the engagement groups: rows stamped at the window end, from clicks before it.
 *
 * <p>A user gets rows when one of their clicks enters or leaves the 7 days, one row per category
 * clicked in the 7 days, plus a last row with zero clicks for a category that just dropped out, so
 * a point-in-time read never finds an old non-zero value. Clicks on articles absent from {@code
 * news.tsv} have no category: they count in the user's total only.
 */
final class AffinityFeatures {

  private final Map<String, Article> articles;
  private final Windows windows;
  private final Map<String, CategoryClicks> users = new HashMap<>();
  private final Map<String, Set<String>> reported = new HashMap<>();
  private final Set<String> touched = new HashSet<>();
  private final TreeMap<Long, Set<String>> expiries = new TreeMap<>();

  AffinityFeatures(Map<String, Article> articles, Windows windows) {
    this.articles = articles;
    this.windows = windows;
  }

  /** Computes the rows of every window of a log sorted by time. */
  static List<UserCategoryAffinity> over(
      List<Impression> sorted, Map<String, Article> articles, Windows windows) {
    AffinityFeatures features = new AffinityFeatures(articles, windows);
    List<UserCategoryAffinity> rows = new ArrayList<>();
    for (Window window : windows.over(sorted)) {
      rows.addAll(features.window(window));
    }

    return rows;
  }

  /** Adds the window's impressions, then returns the rows of every user whose clicks changed. */
  List<UserCategoryAffinity> window(Window window) {
    for (Impression impression : window.impressions()) {
      add(impression);
    }

    long end = window.end().toEpochMilli();
    TreeSet<String> dirty = new TreeSet<>(touched);
    touched.clear();
    while (!expiries.isEmpty() && expiries.firstKey() <= window.index()) {
      dirty.addAll(expiries.pollFirstEntry().getValue());
    }

    List<UserCategoryAffinity> rows = new ArrayList<>();
    for (String userId : dirty) {
      CategoryClicks clicks = users.get(userId);
      clicks.advanceTo(end);
      TreeSet<String> categories = new TreeSet<>(reported.getOrDefault(userId, Set.of()));
      Set<String> now = new HashSet<>();
      for (Map.Entry<String, Long> entry : clicks.ranked()) {
        categories.add(entry.getKey());
        now.add(entry.getKey());
      }

      long total = clicks.total();
      for (String category : categories) {
        long count = clicks.count(category);
        rows.add(
            new UserCategoryAffinity(
                userId, category, window.end(), count, total == 0 ? 0.0 : (double) count / total));
      }

      reported.put(userId, now);
    }

    return rows;
  }

  private void add(Impression impression) {
    long time = impression.time().toEpochMilli();
    for (Candidate candidate : impression.candidates()) {
      if (!candidate.clicked()) {
        continue;
      }

      Article article = articles.get(candidate.newsId());
      users
          .computeIfAbsent(impression.userId(), id -> new CategoryClicks(EngagementFeatures.WEEK))
          .add(time, article == null ? null : article.category());
      touched.add(impression.userId());
      expiries
          .computeIfAbsent(windows.index(time + EngagementFeatures.WEEK), i -> new HashSet<>())
          .add(impression.userId());
    }
  }
}
