package dev.soko.spi;

/**
 * What {@link OfflineStore#replace} did to a group's rows in its range.
 *
 * @param removed how many stored rows the backfill changed or removed: every stored row of the
 *     range but the latest of each keys and event time that the batch restates unchanged (a key and
 *     event time written twice counts twice), whether or not the store kept those
 * @param written how many rows of the batch the range now holds
 */
public record Replacement(long removed, long written) {}
