package dev.soko.samples.news;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of the training spine: one candidate article shown in one impression, with its label.
 *
 * @param impressionId the impression's id
 * @param userId the user shown the article
 * @param candidateId the article shown
 * @param candidateCategory the article's category, or null when it is not in {@code news.tsv}
 * @param shownAt when it was shown: the point in time of the row's features
 * @param clicked 1 if the user clicked it, else 0
 */
public record Shown(
    long impressionId,
    String userId,
    String candidateId,
    @Nullable String candidateCategory,
    Instant shownAt,
    int clicked) {}
