package dev.soko.samples.news;

import dev.soko.samples.news.Impression.Candidate;
import dev.soko.samples.news.Windows.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes {@code article_engagement} and {@code user_engagement} window by window from impressions
 * replayed in time order.
 *
 * <p>A window's rows are stamped at its end and count the events before it. A key gets a row in a
 * window when one of its events is in the window, or when an older event leaves one of its trailing
 * horizons there: then the latest row of every key is exact at any window end, without a row for
 * every key in every window.
 */
final class EngagementFeatures {

  static final long HOUR = Duration.ofHours(1).toMillis();
  static final long DAY = Duration.ofDays(1).toMillis();
  static final long WEEK = Duration.ofDays(7).toMillis();

  private final Map<String, Article> articles;
  private final Windows windows;
  private final Map<String, ArticleState> articleStates = new HashMap<>();
  private final Map<String, UserState> userStates = new HashMap<>();
  private final Set<String> touchedArticles = new HashSet<>();
  private final Set<String> touchedUsers = new HashSet<>();
  private final TreeMap<Long, Set<String>> articleExpiries = new TreeMap<>();
  private final TreeMap<Long, Set<String>> userExpiries = new TreeMap<>();

  EngagementFeatures(Map<String, Article> articles, Windows windows) {
    this.articles = articles;
    this.windows = windows;
  }

  /** Adds the window's impressions, then returns the rows of every key that changed in it. */
  Rows window(Window window) {
    for (Impression impression : window.impressions()) {
      add(impression);
    }

    return new Rows(articleRows(window), userRows(window));
  }

  private void add(Impression impression) {
    long time = impression.time().toEpochMilli();
    for (Candidate candidate : impression.candidates()) {
      String newsId = candidate.newsId();
      ArticleState article = articleStates.computeIfAbsent(newsId, id -> new ArticleState(time));
      article.counts.add(time, 1, candidate.clicked() ? 1 : 0);
      touchedArticles.add(newsId);
      schedule(articleExpiries, time + HOUR, newsId);
      schedule(articleExpiries, time + DAY, newsId);
    }

    String userId = impression.userId();
    UserState user = userStates.computeIfAbsent(userId, id -> new UserState());
    user.counts.add(time, impression.candidates().size(), impression.clicks());
    user.historyItems = impression.history().size();
    for (Candidate candidate : impression.candidates()) {
      if (candidate.clicked()) {
        Article article = articles.get(candidate.newsId());
        user.categories.add(time, article == null ? null : article.category());
      }
    }

    touchedUsers.add(userId);
    schedule(userExpiries, time + DAY, userId);
    schedule(userExpiries, time + WEEK, userId);
  }

  private List<ArticleEngagement> articleRows(Window window) {
    long end = window.end().toEpochMilli();
    List<ArticleEngagement> rows = new ArrayList<>();
    for (String newsId : dirty(touchedArticles, articleExpiries, window.index())) {
      ArticleState state = articleStates.get(newsId);
      state.counts.advanceTo(end);
      long shown24h = state.counts.impressions(1);
      long clicked24h = state.counts.clicks(1);
      rows.add(
          new ArticleEngagement(
              newsId,
              window.end(),
              state.counts.impressions(0),
              state.counts.clicks(0),
              shown24h,
              clicked24h,
              shown24h == 0 ? null : (double) clicked24h / shown24h,
              Instant.ofEpochMilli(state.firstShown),
              // Limitation: the age is as of the row's event time, and is not advanced between
              // rows; readers needing the age now compute it from first_impression_at.
              (end - state.firstShown) / 1000));
    }

    return rows;
  }

  private List<UserEngagement> userRows(Window window) {
    long end = window.end().toEpochMilli();
    List<UserEngagement> rows = new ArrayList<>();
    for (String userId : dirty(touchedUsers, userExpiries, window.index())) {
      UserState state = userStates.get(userId);
      state.counts.advanceTo(end);
      state.categories.advanceTo(end);
      List<String> categories = new ArrayList<>();
      List<Long> clicks = new ArrayList<>();
      for (Map.Entry<String, Long> entry : state.categories.ranked()) {
        categories.add(entry.getKey());
        clicks.add(entry.getValue());
      }

      long clicks7d = state.counts.clicks(1);
      rows.add(
          new UserEngagement(
              userId,
              window.end(),
              state.counts.impressions(0),
              state.counts.clicks(0),
              state.counts.impressions(1),
              clicks7d,
              state.historyItems,
              categories,
              clicks,
              categories.isEmpty() ? null : categories.get(0),
              categories.isEmpty() || clicks7d == 0 ? null : (double) clicks.get(0) / clicks7d));
    }

    return rows;
  }

  /** Returns, in order, the keys touched in the window or due to change at its end. */
  private TreeSet<String> dirty(
      Set<String> touched, TreeMap<Long, Set<String>> expiries, long index) {
    TreeSet<String> keys = new TreeSet<>(touched);
    touched.clear();
    while (!expiries.isEmpty() && expiries.firstKey() <= index) {
      keys.addAll(expiries.pollFirstEntry().getValue());
    }

    return keys;
  }

  /** Marks a key to get a row in the window where an event leaves a horizon. */
  private void schedule(TreeMap<Long, Set<String>> expiries, long leavesAt, String key) {
    expiries.computeIfAbsent(windows.index(leavesAt), i -> new HashSet<>()).add(key);
  }

  /**
   * The rows of one window.
   *
   * @param articles the {@code article_engagement} rows
   * @param users the {@code user_engagement} rows
   */
  record Rows(List<ArticleEngagement> articles, List<UserEngagement> users) {

    int size() {
      return articles.size() + users.size();
    }
  }

  private static final class ArticleState {

    final SlidingCounts counts = new SlidingCounts(HOUR, DAY);
    final long firstShown;

    ArticleState(long firstShown) {
      this.firstShown = firstShown;
    }
  }

  private static final class UserState {

    final SlidingCounts counts = new SlidingCounts(DAY, WEEK);
    final CategoryClicks categories = new CategoryClicks(WEEK);
    int historyItems;
  }
}
