package dev.soko.samples.news;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A MIND folder as read: articles by id, impressions in file order, and what reading found.
 *
 * @param articles the articles of {@code news.tsv} by id
 * @param impressions the rows of {@code behaviors.tsv}, in file order (not time order)
 * @param newsReport what reading {@code news.tsv} found
 * @param behaviorsReport what reading {@code behaviors.tsv} found
 */
record MindData(
    Map<String, Article> articles,
    List<Impression> impressions,
    ReadReport newsReport,
    ReadReport behaviorsReport) {

  MindData {
    articles = Map.copyOf(articles);
    impressions = List.copyOf(impressions);
  }

  /** Returns the impressions sorted by time, ties kept in file order. */
  List<Impression> inTimeOrder() {
    return impressions.stream().sorted(Comparator.comparing(Impression::time)).toList();
  }

  /** Returns the time of the log's first impression. */
  Instant firstTime() {
    return impressions.stream()
        .map(Impression::time)
        .min(Comparator.naturalOrder())
        .orElseThrow(() -> new IllegalStateException("The log has no impressions"));
  }
}
