package dev.soko;

import java.time.Duration;

/**
 * What a write or backfill did.
 *
 * @param group the group written to
 * @param rows how many rows the store accepted
 * @param online how many keys the online store was updated for, 0 when online is off
 * @param took how long the operation took
 * @param replaced how many stored rows a backfill changed or removed in its range: all but the
 *     latest row of each keys and event time that it restates unchanged (a key and event time
 *     written twice counts twice); 0 for a rerun of the same backfill, and for a write
 */
public record WriteResult(String group, long rows, long online, Duration took, long replaced) {

  /** Creates the result of an operation that replaced no rows, such as a write. */
  public WriteResult(String group, long rows, long online, Duration took) {
    this(group, rows, online, took, 0);
  }
}
