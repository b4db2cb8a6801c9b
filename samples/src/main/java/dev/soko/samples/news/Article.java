package dev.soko.samples.news;

/**
 * One row of {@code news.tsv}, reduced to what the sample uses.
 *
 * @param newsId the article's id, such as {@code N55528}
 * @param category the top-level category, such as {@code sports}
 * @param subcategory the subcategory, such as {@code football_nfl}
 * @param titleLength the title's length in characters
 * @param entityCount the number of distinct entities (by Wikidata id) in the title and abstract
 */
record Article(
    String newsId, String category, String subcategory, int titleLength, int entityCount) {}
