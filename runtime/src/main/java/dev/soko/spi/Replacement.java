package dev.soko.spi;

/**
 * What {@link OfflineStore#replace} did to a group's rows in its range.
 *
 * @param removed how many stored rows it removed from the range: every stored row, so a key and
 *     event time written twice counts twice
 * @param written how many rows it wrote in their place
 */
public record Replacement(long removed, long written) {}
