/**
 * The local backend: offline history, online values and the registry in one DuckDB file.
 *
 * <p>The file holds four schemas: {@code offline} (one table per group version, {@code
 * offline."<name>_v<version>"}, with the group's columns in order and {@code _ingested_at}), {@code
 * online} (the latest row per key of the groups that are online), {@code registry} (the applied
 * definitions) and {@code features}, views for people: {@code features."<group>"}, the deduplicated
 * history of the group's latest version, and {@code features."<group>_latest"}, the latest row per
 * key within the TTL.
 */
@NullMarked
package dev.soko.duckdb;

import org.jspecify.annotations.NullMarked;
