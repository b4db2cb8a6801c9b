package dev.soko.samples.news;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One user's clicks per top-level category over a trailing horizon, fed in time order. A click on
 * an article of unknown category counts in the total only.
 */
final class CategoryClicks {

  private final long horizon;
  private final ArrayDeque<Click> clicks = new ArrayDeque<>();
  private final Map<String, Long> byCategory = new HashMap<>();

  CategoryClicks(long horizon) {
    this.horizon = horizon;
  }

  void add(long time, @Nullable String category) {
    clicks.addLast(new Click(time, category));
    if (category != null) {
      byCategory.merge(category, 1L, Long::sum);
    }
  }

  /** Leaves only the clicks at or after {@code end - horizon}. */
  void advanceTo(long end) {
    long from = end - horizon;
    while (!clicks.isEmpty() && clicks.peekFirst().time() < from) {
      String category = clicks.pollFirst().category();
      if (category != null) {
        byCategory.computeIfPresent(category, (c, n) -> n == 1 ? null : n - 1);
      }
    }
  }

  /** Returns the clicks in the horizon, known category or not. */
  long total() {
    return clicks.size();
  }

  /** Returns the clicks in a category in the horizon. */
  long count(String category) {
    return byCategory.getOrDefault(category, 0L);
  }

  /** Returns the categories with clicks in the horizon, most clicked first, then by name. */
  List<Map.Entry<String, Long>> ranked() {
    return byCategory.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue()))
        .sorted(
            Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue)
                .reversed()
                .thenComparing(Map.Entry::getKey))
        .toList();
  }

  private record Click(long time, @Nullable String category) {}
}
