package dev.soko.samples.news;

import dev.soko.annotations.EventTime;
import dev.soko.annotations.Feature;
import dev.soko.annotations.FeatureGroup;
import dev.soko.annotations.Key;
import java.time.Instant;

/**
 * How much a user clicks in one top-level category, as of the end of a window. Tried offline first:
 * it is backfilled over the whole log and never served until it proves useful.
 */
@FeatureGroup(
    name = "user_category_affinity",
    owner = "news-recs",
    description = "A user's clicks in one category over the last week, and their share.",
    tags = {"user", "category", "experimental"})
public record UserCategoryAffinity(
    @Key String userId,
    @Key String category,
    @EventTime Instant eventTime,
    @Feature(
            name = "clicks_7d",
            description = "Clicks in the category in the 7 days before event time.")
        long clicks7d,
    @Feature(
            name = "click_share_7d",
            description = "clicks_7d over all the user's clicks in those 7 days; 0 without.")
        double clickShare7d) {}
