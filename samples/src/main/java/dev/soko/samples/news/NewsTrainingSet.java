package dev.soko.samples.news;

import static dev.soko.KeyMapping.keys;

import dev.soko.FeatureStore;
import dev.soko.Spine;
import dev.soko.TrainingSet;
import dev.soko.samples.news.Impression.Candidate;
import java.util.ArrayList;
import java.util.List;

/**
 * The click training set: one row per candidate article of each impression, labelled with the
 * click, with the features in force at the impression's time.
 */
final class NewsTrainingSet {

  static final String TIMESTAMP = "shown_at";

  private NewsTrainingSet() {}

  /** Returns the spine: every candidate of every impression, in time order. */
  static List<Shown> spine(MindData data) {
    List<Shown> rows = new ArrayList<>();
    for (Impression impression : data.inTimeOrder()) {
      for (Candidate candidate : impression.candidates()) {
        Article article = data.articles().get(candidate.newsId());
        rows.add(
            new Shown(
                impression.impressionId(),
                impression.userId(),
                candidate.newsId(),
                article == null ? null : article.category(),
                impression.time(),
                candidate.clicked() ? 1 : 0));
      }
    }

    return rows;
  }

  /**
   * Returns the training set over the spine: user engagement by the user, article engagement and
   * metadata by the candidate, and, when asked, the user's affinity to the candidate's category.
   *
   * <p>Not "as known at": the stream and the backfill ran now, long after the log's times, so every
   * row was ingested after every impression. Point-in-time by event time is what keeps the future
   * out here: each row counts only events before its window's end.
   */
  static TrainingSet build(FeatureStore store, List<Shown> spine, Affinity affinity) {
    TrainingSet.Builder builder =
        store
            .trainingSet(Spine.records(Shown.class, spine, TIMESTAMP))
            .with(UserEngagementGroup.DEFINITION)
            .with(ArticleEngagementGroup.DEFINITION, keys("news_id", "candidate_id"))
            .with(ArticleMetaGroup.DEFINITION, keys("news_id", "candidate_id"));
    if (affinity == Affinity.WITH) {
      builder =
          builder.with(
              UserCategoryAffinityGroup.DEFINITION, keys("category", "candidate_category"));
    }

    return builder.build();
  }

  /** Whether the training set joins {@code user_category_affinity}. */
  enum Affinity {
    WITH,
    WITHOUT
  }
}
