package dev.soko.samples.news;

import java.time.Instant;
import java.util.List;

/**
 * One row of {@code behaviors.tsv}: a page of candidate articles shown to a user at one time.
 *
 * @param impressionId the row's id
 * @param userId the user's id
 * @param time when the page was shown
 * @param history the articles the user clicked before the log's period, undated; may be empty
 * @param candidates the articles shown, with whether each was clicked
 * @param line the row's line number in the file, from 1
 */
record Impression(
    long impressionId,
    String userId,
    Instant time,
    List<String> history,
    List<Candidate> candidates,
    long line) {

  Impression {
    history = List.copyOf(history);
    candidates = List.copyOf(candidates);
  }

  /** Returns how many of the candidates were clicked. */
  int clicks() {
    int clicks = 0;
    for (Candidate candidate : candidates) {
      if (candidate.clicked()) {
        clicks++;
      }
    }

    return clicks;
  }

  /**
   * One article shown in an impression.
   *
   * @param newsId the article's id
   * @param clicked whether the user clicked it
   */
  record Candidate(String newsId, boolean clicked) {}
}
