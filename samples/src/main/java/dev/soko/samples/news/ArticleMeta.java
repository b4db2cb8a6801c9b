package dev.soko.samples.news;

import dev.soko.annotations.EventTime;
import dev.soko.annotations.Feature;
import dev.soko.annotations.FeatureGroup;
import dev.soko.annotations.Key;
import java.time.Instant;

/**
 * What {@code news.tsv} says of an article. It carries no dates, so every row is stamped at the
 * log's first impression time: known from the start of the log on.
 */
@FeatureGroup(
    name = "article_meta",
    owner = "news-recs",
    description = "Category, subcategory and title facts of an article, from news.tsv.",
    tags = {"article", "content"})
public record ArticleMeta(
    @Key String newsId,
    @EventTime Instant eventTime,
    @Feature(description = "Top-level category, such as sports.") String category,
    @Feature(description = "Subcategory, such as football_nfl.") String subcategory,
    @Feature(description = "Title length in characters.") int titleLength,
    @Feature(description = "Distinct entities (Wikidata ids) in the title and abstract.")
        int entityCount) {}
