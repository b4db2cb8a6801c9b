package dev.soko.samples.news;

import dev.soko.annotations.EventTime;
import dev.soko.annotations.Feature;
import dev.soko.annotations.FeatureGroup;
import dev.soko.annotations.Key;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How much a user reads, as of the end of a stream window.
 *
 * <p>Each shown article is one impression. The clicks per top-level category are two parallel
 * lists, {@code click_categories_7d} and {@code category_clicks_7d}, ordered by clicks then name; a
 * share is a count divided by {@code clicks_7d}. Lists rather than a column per category: the
 * categories are the data's, not the schema's (a MIND subset or another site has others), so the
 * group's schema stays the same whatever the log holds. Clicks on articles absent from {@code
 * news.tsv} count in {@code clicks_7d} but in no category, so shares may add up to less than one.
 */
@FeatureGroup(
    name = "user_engagement",
    owner = "news-recs",
    online = true,
    description = "Impressions and clicks of a user over the last day and week.",
    tags = {"user", "engagement", "stream"})
public record UserEngagement(
    @Key String userId,
    @EventTime Instant eventTime,
    @Feature(
            name = "impressions_24h",
            description = "Articles shown to the user in the 24 hours before event time.")
        long impressions24h,
    @Feature(
            name = "clicks_24h",
            description = "Articles the user clicked in the 24 hours before event time.")
        long clicks24h,
    @Feature(
            name = "impressions_7d",
            description = "Articles shown to the user in the 7 days before event time.")
        long impressions7d,
    @Feature(
            name = "clicks_7d",
            description = "Articles the user clicked in the 7 days before event time.")
        long clicks7d,
    @Feature(description = "Articles in the user's history before the log, from the last row.")
        int historyItems,
    @Feature(
            name = "click_categories_7d",
            description = "Top-level categories the user clicked in 7 days, most clicked first.")
        List<String> clickCategories7d,
    @Feature(
            name = "category_clicks_7d",
            description = "Clicks in each of click_categories_7d, in the same order.")
        List<Long> categoryClicks7d,
    @Feature(
            name = "top_category_7d",
            description = "The most clicked category in 7 days; null without clicks.")
        @Nullable String topCategory7d,
    @Feature(
            name = "top_category_share_7d",
            description = "Share of the 7-day clicks in top_category_7d; null without clicks.")
        @Nullable Double topCategoryShare7d) {}
