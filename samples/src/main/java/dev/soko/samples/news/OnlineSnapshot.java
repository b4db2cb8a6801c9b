package dev.soko.samples.news;

import dev.soko.EntityKey;
import dev.soko.FeatureStore;
import dev.soko.samples.news.Impression.Candidate;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The online values of the engagement groups for every article and user of a log, read through the
 * store's online API: what a feed service would see.
 *
 * @param articles the online {@code article_engagement} value of each article that has one
 * @param users the online {@code user_engagement} value of each user that has one
 */
record OnlineSnapshot(
    Map<EntityKey, ArticleEngagement> articles, Map<EntityKey, UserEngagement> users) {

  OnlineSnapshot {
    articles = Map.copyOf(articles);
    users = Map.copyOf(users);
  }

  /** Reads the online values of every article and user in the log. */
  static OnlineSnapshot take(FeatureStore store, MindData data) {
    Set<String> newsIds = new TreeSet<>();
    Set<String> userIds = new TreeSet<>();
    for (Impression impression : data.impressions()) {
      userIds.add(impression.userId());
      for (Candidate candidate : impression.candidates()) {
        newsIds.add(candidate.newsId());
      }
    }

    return new OnlineSnapshot(
        store.latest(
            ArticleEngagementGroup.DEFINITION, newsIds.stream().map(EntityKey::of).toList()),
        store.latest(UserEngagementGroup.DEFINITION, userIds.stream().map(EntityKey::of).toList()));
  }

  int size() {
    return articles.size() + users.size();
  }
}
