package dev.soko.duckdb;

import static dev.soko.duckdb.internal.DuckDbNames.quote;

import dev.soko.Column;
import dev.soko.GroupSpec;
import dev.soko.GroupStats;
import dev.soko.SokoException;
import dev.soko.TimeRange;
import dev.soko.duckdb.internal.DuckDbNames;
import dev.soko.internal.ArrowValues;
import dev.soko.spi.OfflineStore;
import dev.soko.spi.Replacement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.jspecify.annotations.Nullable;

/** The offline history in the store file: one table per group version in schema {@code offline}. */
final class DuckDbOfflineStore implements OfflineStore {

  private static final String LATEST = "_latest";

  /** The temporary tables of a backfill: its rows, and the ids of the stored rows it keeps. */
  private static final String BACKFILL = "temp.soko_backfill";

  private static final String KEPT = "temp.soko_backfill_kept";

  private final DuckDbBackend backend;

  DuckDbOfflineStore(DuckDbBackend backend) {
    this.backend = backend;
  }

  @Override
  public void create(GroupSpec spec) {
    synchronized (backend.lock()) {
      String table = DuckDbNames.offlineTable(spec);
      List<String> columns = DuckDbNames.columnDefinitions(spec);
      backend.execute(
          "CREATE TABLE IF NOT EXISTS " + table + " (" + String.join(", ", columns) + ")");
      addMissingColumns(backend, DuckDbNames.OFFLINE, spec, table);
      // Created with the group, so that a join that starts before the first backfill commits
      // already reads the table; a new feature reaches the rows kept there too.
      keepReplaced(spec);
      if (spec.version() >= latestVersion(spec.name())) {
        createViews(spec);
      }
    }
  }

  /**
   * Refuses a group whose views would share a name with another group's: group {@code a} has views
   * {@code features.a} and {@code features.a_latest}, so groups {@code a} and {@code a_latest}
   * cannot live in one store.
   */
  @Override
  public Optional<String> conflict(GroupSpec spec, Set<String> groupNames) {
    String name = spec.name();
    String latest = name + LATEST;
    if (groupNames.contains(latest)) {
      return Optional.of(
          "Cannot create group '"
              + name
              + "': its latest-values view features."
              + latest
              + " would have the name of the history view of group '"
              + latest
              + "' in the local store. Rename one of the two groups.");
    }

    if (name.endsWith(LATEST)) {
      String other = name.substring(0, name.length() - LATEST.length());
      if (groupNames.contains(other)) {
        return Optional.of(
            "Cannot create group '"
                + name
                + "': its history view features."
                + name
                + " would have the name of the latest-values view of group '"
                + other
                + "' in the local store. Rename one of the two groups.");
      }
    }

    return Optional.empty();
  }

  @Override
  public long append(GroupSpec spec, VectorSchemaRoot batch, Instant ingestedAt) {
    try {
      return backend.withBatch(
          batch,
          batch.getFieldVectors().get(0).getAllocator(),
          view -> insert(spec, view),
          List.of(ingestedAt));
    } catch (SQLException e) {
      throw new SokoException(
          "Cannot append to group '"
              + spec.name()
              + "' in "
              + backend.file()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Replaces the range in one transaction. The batch is first copied to a temporary table. Of each
   * keys and event time in the range, the latest ingested row stays, with its ingestion time, when
   * the batch holds a row equal to it in every column; every other row of the range moves to the
   * replaced rows, stamped with {@code ingestedAt}, and the batch's rows that are not already there
   * are inserted. The range then reads as the batch, now and as known at any time, and a rerun of
   * the same backfill changes nothing and keeps nothing more.
   */
  @Override
  public Replacement replace(
      GroupSpec spec, TimeRange range, VectorSchemaRoot batch, Instant ingestedAt) {
    try {
      return backend.inTransaction(
          () -> {
            keepReplaced(spec);
            backend.execute("DROP TABLE IF EXISTS " + BACKFILL);
            backend.execute("DROP TABLE IF EXISTS " + KEPT);
            long removed = backfill(spec, range, batch, ingestedAt);
            // On a failure the rollback removes the temporary tables with the rest; a statement
            // here would only fail on the aborted transaction and hide the cause.
            backend.execute("DROP TABLE " + BACKFILL);
            backend.execute("DROP TABLE " + KEPT);
            return new Replacement(removed, batch.getRowCount());
          });
    } catch (SQLException | RuntimeException e) {
      throw new SokoException(
          "Cannot backfill group '"
              + spec.name()
              + "' in "
              + backend.file()
              + ": "
              + databaseError(e)
              + "; nothing was changed",
          e);
    }
  }

  /**
   * Returns the first line of the database's own message behind a failure, without the wrappers
   * that name the store file again.
   */
  private static String databaseError(Exception e) {
    Throwable cause = e;
    while (!(cause instanceof SQLException) && cause.getCause() != null) {
      cause = cause.getCause();
    }

    return DuckDbJoinEngine.firstLine(cause.getMessage());
  }

  /** Does the work of {@link #replace}, returning how many stored rows left the range. */
  private long backfill(GroupSpec spec, TimeRange range, VectorSchemaRoot batch, Instant ingestedAt)
      throws SQLException {
    String table = DuckDbNames.offlineTable(spec);
    String columns = DuckDbNames.list(spec.columns(), "");
    String eventTime = quote(spec.eventTime().name());
    String inRange = eventTime + " >= ? AND " + eventTime + " < ?";
    List<Object> bounds = List.of(range.from(), range.to());
    if (batch.getRowCount() == 0) {
      backend.execute(
          "CREATE TEMP TABLE "
              + BACKFILL
              + " AS SELECT "
              + columns
              + " FROM "
              + table
              + " LIMIT 0");
    } else {
      backend.withBatch(
          batch,
          batch.getFieldVectors().get(0).getAllocator(),
          view -> "CREATE TEMP TABLE " + BACKFILL + " AS SELECT " + columns + " FROM " + view,
          List.of());
    }

    // Pairs each stored row that stays (the latest of its keys and event time) with the row of
    // the batch that restates it; keys and event time are unique in the batch, so at most one.
    String keys = DuckDbNames.list(spec.keys(), "");
    backend.update(
        "CREATE TEMP TABLE "
            + KEPT
            + " AS SELECT l.rowid AS id, b.rowid AS batch_row FROM (SELECT rowid, * FROM "
            + table
            + " WHERE "
            + inRange
            + " QUALIFY row_number() OVER (PARTITION BY "
            + keys
            + ", "
            + eventTime
            + " ORDER BY "
            + quote(GroupSpec.INGESTED_AT)
            + " DESC) = 1) l JOIN "
            + BACKFILL
            + " b ON "
            + same(spec, "l.", "b."),
        bounds);
    String moved = " WHERE " + inRange + " AND rowid NOT IN (SELECT id FROM " + KEPT + ")";
    String stored = DuckDbNames.storedColumns(spec, "");
    backend.update(
        "INSERT INTO "
            + DuckDbNames.replacedTable(spec)
            + " ("
            + stored
            + ", "
            + quote(DuckDbNames.REPLACED_AT)
            + ") SELECT "
            + stored
            + ", ? FROM "
            + table
            + moved,
        List.of(ingestedAt, range.from(), range.to()));
    long removed = backend.update("DELETE FROM " + table + moved, bounds);
    backend.update(
        "INSERT INTO "
            + table
            + " ("
            + stored
            + ") SELECT "
            + columns
            + ", ? FROM "
            + BACKFILL
            + " WHERE rowid NOT IN (SELECT batch_row FROM "
            + KEPT
            + ")",
        List.of(ingestedAt));
    return removed;
  }

  /** Returns the condition that two rows hold the same value, nulls included, in every column. */
  private static String same(GroupSpec spec, String left, String right) {
    return spec.columns().stream()
        .map(c -> left + quote(c.name()) + " IS NOT DISTINCT FROM " + right + quote(c.name()))
        .collect(Collectors.joining(" AND "));
  }

  @Override
  public long expireReplaced(GroupSpec spec, Instant before) {
    synchronized (backend.lock()) {
      if (!backend.exists(DuckDbNames.REPLACED, spec.qualifiedName())) {
        return 0;
      }

      return backend.update(
          "DELETE FROM "
              + DuckDbNames.replacedTable(spec)
              + " WHERE "
              + quote(DuckDbNames.REPLACED_AT)
              + " < ?",
          List.of(before));
    }
  }

  /**
   * Creates the table that keeps the rows a backfill replaces, when missing (a store file made
   * before replaced rows were kept has none), and adds the columns it lacks. Only "as known at"
   * joins read it.
   */
  private void keepReplaced(GroupSpec spec) {
    // Limitation: nothing drops replaced rows on a schedule; expireReplaced drops them on request.
    String table = DuckDbNames.replacedTable(spec);
    List<String> columns = new ArrayList<>(DuckDbNames.columnDefinitions(spec));
    columns.add(quote(DuckDbNames.REPLACED_AT) + " TIMESTAMPTZ NOT NULL");
    backend.execute("CREATE SCHEMA IF NOT EXISTS " + DuckDbNames.REPLACED);
    backend.execute(
        "CREATE TABLE IF NOT EXISTS " + table + " (" + String.join(", ", columns) + ")");
    addMissingColumns(backend, DuckDbNames.REPLACED, spec, table);
  }

  @Override
  public ArrowReader history(GroupSpec spec, TimeRange range, BufferAllocator allocator) {
    String eventTime = quote(spec.eventTime().name());
    String keys = DuckDbNames.list(spec.keys(), "");
    String sql =
        "SELECT "
            + DuckDbNames.storedColumns(spec, "")
            + " FROM "
            + DuckDbNames.offlineTable(spec)
            + " WHERE "
            + eventTime
            + " >= ? AND "
            + eventTime
            + " < ? QUALIFY row_number() OVER (PARTITION BY "
            + keys
            + ", "
            + eventTime
            + " ORDER BY "
            + quote(GroupSpec.INGESTED_AT)
            + " DESC) = 1 ORDER BY "
            + keys
            + ", "
            + eventTime;
    return backend.queryArrow(sql, List.of(range.from(), range.to()), allocator);
  }

  @Override
  public ArrowReader latest(GroupSpec spec, Instant asOf, BufferAllocator allocator) {
    String eventTime = quote(spec.eventTime().name());
    String keys = DuckDbNames.list(spec.keys(), "");
    List<Object> parameters = new ArrayList<>(List.of(asOf));
    String oldest = "";
    if (spec.ttl() != null) {
      oldest = " AND " + eventTime + " >= ?";
      parameters.add(asOf.minus(spec.ttl()));
    }

    String sql =
        "SELECT "
            + DuckDbNames.storedColumns(spec, "")
            + " FROM "
            + DuckDbNames.offlineTable(spec)
            + " WHERE "
            + eventTime
            + " <= ?"
            + oldest
            + " QUALIFY row_number() OVER (PARTITION BY "
            + keys
            + " ORDER BY "
            + eventTime
            + " DESC, "
            + quote(GroupSpec.INGESTED_AT)
            + " DESC) = 1 ORDER BY "
            + keys;
    return backend.queryArrow(sql, parameters, allocator);
  }

  @Override
  public GroupStats stats(GroupSpec spec) {
    if (!backend.exists(DuckDbNames.OFFLINE, spec.qualifiedName())) {
      return GroupStats.EMPTY;
    }

    String eventTime = quote(spec.eventTime().name());
    boolean replaced = backend.exists(DuckDbNames.REPLACED, spec.qualifiedName());
    // A backfill that only removed rows wrote last when it replaced them.
    String lastWrite =
        replaced
            ? "greatest(max("
                + quote(GroupSpec.INGESTED_AT)
                + "), (SELECT max("
                + quote(DuckDbNames.REPLACED_AT)
                + ") FROM "
                + DuckDbNames.replacedTable(spec)
                + "))"
            : "max(" + quote(GroupSpec.INGESTED_AT) + ")";
    String replacedRows =
        replaced ? "(SELECT count(*) FROM " + DuckDbNames.replacedTable(spec) + ")" : "0";
    return backend.query(
        "SELECT count(*), min("
            + eventTime
            + "), max("
            + eventTime
            + "), "
            + lastWrite
            + ", "
            + replacedRows
            + " FROM "
            + DuckDbNames.offlineTable(spec),
        List.of(),
        result -> {
          result.next();
          return new GroupStats(
              result.getLong(1),
              instant(result.getObject(2, OffsetDateTime.class)),
              instant(result.getObject(3, OffsetDateTime.class)),
              instant(result.getObject(4, OffsetDateTime.class)),
              result.getLong(5));
        });
  }

  /**
   * Adds the spec's columns that a table lacks, as nullable columns. A table that does not exist is
   * left alone.
   */
  static void addMissingColumns(
      DuckDbBackend backend, String schema, GroupSpec spec, String table) {
    Set<String> present =
        backend.query(
            "SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = ? AND table_name = ?",
            List.of(schema, spec.qualifiedName()),
            result -> {
              Set<String> names = new HashSet<>();
              while (result.next()) {
                names.add(result.getString(1));
              }

              return names;
            });
    if (present.isEmpty()) {
      return; // No such table.
    }

    for (Column column : spec.features()) {
      if (!present.contains(column.name())) {
        backend.execute(
            "ALTER TABLE "
                + table
                + " ADD COLUMN "
                + quote(column.name())
                + " "
                + DuckDbNames.type(column.type()));
      }
    }
  }

  private static String insert(GroupSpec spec, String view) {
    return "INSERT INTO "
        + DuckDbNames.offlineTable(spec)
        + " ("
        + DuckDbNames.storedColumns(spec, "")
        + ") SELECT "
        + DuckDbNames.list(spec.columns(), "")
        + ", ? FROM "
        + view;
  }

  private int latestVersion(String name) {
    return backend.query(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = ?",
        List.of(DuckDbNames.OFFLINE),
        result -> {
          int latest = 0;
          String prefix = name + "_v";
          while (result.next()) {
            String table = result.getString(1);
            if (table.startsWith(prefix) && table.substring(prefix.length()).matches("[0-9]+")) {
              latest = Math.max(latest, Integer.parseInt(table.substring(prefix.length())));
            }
          }

          return latest;
        });
  }

  /**
   * Points the group's views at this version: the deduplicated history, and the latest row per key
   * within the TTL.
   */
  private void createViews(GroupSpec spec) {
    String table = DuckDbNames.offlineTable(spec);
    String keys = DuckDbNames.list(spec.keys(), "");
    String eventTime = quote(spec.eventTime().name());
    String ingestedAt = quote(GroupSpec.INGESTED_AT);
    String columns = DuckDbNames.storedColumns(spec, "");
    backend.execute(
        "CREATE OR REPLACE VIEW "
            + DuckDbNames.historyView(spec.name())
            + " AS SELECT "
            + columns
            + " FROM "
            + table
            + " QUALIFY row_number() OVER (PARTITION BY "
            + keys
            + ", "
            + eventTime
            + " ORDER BY "
            + ingestedAt
            + " DESC) = 1");
    // The TTL is a number the spec holds, not user text; views cannot take parameters.
    String withinTtl =
        spec.ttl() == null
            ? ""
            : " WHERE " + eventTime + " >= now() - to_microseconds(" + micros(spec.ttl()) + ")";
    backend.execute(
        "CREATE OR REPLACE VIEW "
            + DuckDbNames.latestView(spec.name())
            + " AS SELECT "
            + columns
            + " FROM "
            + table
            + withinTtl
            + " QUALIFY row_number() OVER (PARTITION BY "
            + keys
            + " ORDER BY "
            + eventTime
            + " DESC, "
            + ingestedAt
            + " DESC) = 1");
  }

  private static long micros(Duration duration) {
    return ArrowValues.micros(Instant.EPOCH.plus(duration));
  }

  private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
