package dev.soko.samples.news;

import dev.soko.annotations.EventTime;
import dev.soko.annotations.Feature;
import dev.soko.annotations.FeatureGroup;
import dev.soko.annotations.Key;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How often an article was shown and clicked recently, as of the end of a stream window.
 *
 * <p>No TTL: the counts are windowed already, and a row is written whenever a count changes, also
 * when an old impression leaves a window, so the latest row is never stale. A TTL measured against
 * the wall clock would also hide a replayed log's history from online reads.
 */
@FeatureGroup(
    name = "article_engagement",
    owner = "news-recs",
    online = true,
    description = "Impressions and clicks of an article over the last hour and day.",
    tags = {"article", "engagement", "stream"})
public record ArticleEngagement(
    @Key String newsId,
    @EventTime Instant eventTime,
    @Feature(
            name = "impressions_1h",
            description = "Times the article was shown in the hour before event time.")
        long impressions1h,
    @Feature(
            name = "clicks_1h",
            description = "Clicks on the article in the hour before event time.")
        long clicks1h,
    @Feature(
            name = "impressions_24h",
            description = "Times the article was shown in the 24 hours before event time.")
        long impressions24h,
    @Feature(
            name = "clicks_24h",
            description = "Clicks on the article in the 24 hours before event time.")
        long clicks24h,
    @Feature(
            name = "ctr_24h",
            description = "clicks_24h / impressions_24h; null when it was not shown.")
        @Nullable Double ctr24h,
    @Feature(description = "When the article was first shown in the log.")
        Instant firstImpressionAt,
    @Feature(description = "Seconds from the first impression to event time.") long ageSeconds) {}
