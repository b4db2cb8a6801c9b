package dev.soko.spi;

import dev.soko.GroupSpec;
import dev.soko.GroupStats;
import dev.soko.TimeRange;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * The full history of every feature group. Rows are identified by keys and event time and carry
 * {@value GroupSpec#INGESTED_AT}.
 *
 * <p>Batches handed to a store have the group's schema ({@link GroupSpec#schema()}), no null key or
 * event time, and no two rows with the same keys and event time: the runtime has checked and
 * reduced them.
 */
public interface OfflineStore {

  /**
   * Creates the group's table, or brings an existing one to the spec by adding new nullable
   * features. Idempotent.
   */
  void create(GroupSpec spec);

  /**
   * Returns why this store cannot hold a new group version beside groups of the given names, if it
   * cannot: for example when a name it derives for the group's tables or views is taken. The
   * runtime asks before it creates anything, so that a refusal leaves every group of the apply
   * unapplied. By default nothing conflicts.
   *
   * @param spec the group version to create
   * @param groupNames the names of the groups already applied and of those being applied with it
   */
  default Optional<String> conflict(GroupSpec spec, Set<String> groupNames) {
    return Optional.empty();
  }

  /**
   * Appends a batch, stamping every row with {@code ingestedAt}.
   *
   * @return the number of rows appended
   */
  long append(GroupSpec spec, VectorSchemaRoot batch, Instant ingestedAt);

  /**
   * Replaces, in one atomic step, every row whose event time is in the range with the batch,
   * stamping every new row with {@code ingestedAt}. Readers see the old rows or the new, never a
   * mix. Joins "as known at" must still see each replaced row at the times before {@code
   * ingestedAt} when they saw it. A store may keep a stored row, with its ingestion time, where the
   * batch restates it unchanged and it is the latest row of its keys and event time: the range then
   * reads the same, now and as known at any time.
   *
   * @return how many stored rows it changed or removed, and how many rows of the batch the range
   *     now holds
   */
  Replacement replace(GroupSpec spec, TimeRange range, VectorSchemaRoot batch, Instant ingestedAt);

  /**
   * Drops the rows that backfills changed or removed before an instant, which the store keeps so
   * that joins "as known at" see them at the times when they were current. Joins "as known at"
   * spine times at or after the instant are unchanged; earlier ones may no longer see such rows. By
   * default a store keeps no such rows and drops nothing.
   *
   * @return how many rows it dropped
   */
  default long expireReplaced(GroupSpec spec, Instant before) {
    return 0;
  }

  /**
   * Reads the deduplicated history in the range (for each keys and event time, the row ingested
   * last), with {@value GroupSpec#INGESTED_AT}, ordered by keys then event time.
   */
  ArrowReader history(GroupSpec spec, TimeRange range, BufferAllocator allocator);

  /**
   * Reads, for each key, the row with the greatest event time at or before the instant (ties to the
   * latest ingested) whose event time is no more than the group's TTL before the instant, with
   * {@value GroupSpec#INGESTED_AT}.
   */
  ArrowReader latest(GroupSpec spec, Instant asOf, BufferAllocator allocator);

  /** Returns row count, first and last event time, and last write time of the group. */
  GroupStats stats(GroupSpec spec);
}
