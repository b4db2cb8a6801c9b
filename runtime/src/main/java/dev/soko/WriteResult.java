package dev.soko;

import java.time.Duration;

/**
 * What a write or backfill did.
 *
 * @param group the group written to
 * @param rows how many rows the store accepted
 * @param online how many keys the online store was updated for, 0 when online is off
 * @param took how long the operation took
 */
public record WriteResult(String group, long rows, long online, Duration took) {}
