package dev.soko.duckdb;

import static dev.soko.contract.StoreFixtures.CLICKS;

import dev.soko.FeatureStore;
import dev.soko.StoreConfig;
import dev.soko.TimeRange;
import dev.soko.contract.MutableClock;
import dev.soko.contract.StoreFixtures.Click;
import dev.soko.internal.RecordBatches;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBConnection;

/**
 * Measures backfills of a range against a plain replace that keeps no history. A group of 10,000
 * keys with one row a day for 100 days (1,000,000 rows) is written once; then the last 30 days
 * (300,000 rows) are backfilled four times: restated unchanged, with one row in ten changed, with
 * every row changed, and that last batch again. Soko runs each through {@link FeatureStore}; the
 * baseline runs the same batches against a copy of the table in another DuckDB file as one
 * transaction of {@code DELETE} of the range and {@code INSERT} of the batch, as a store that keeps
 * no replaced rows would. Not a test: run it by hand with {@code java ...
 * dev.soko.duckdb.BackfillBenchmark [folder]}.
 */
public final class BackfillBenchmark {

  private static final int KEYS = 10_000;
  private static final int DAYS = 100;
  private static final int BACKFILLED_DAYS = 30;
  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

  private BackfillBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("soko-backfill");
    Files.createDirectories(dir);
    Instant from = START.plus(Duration.ofDays(DAYS - BACKFILLED_DAYS));
    TimeRange range = TimeRange.of(from, START.plus(Duration.ofDays(DAYS)));
    MutableClock clock = new MutableClock(START.plus(Duration.ofDays(DAYS + 1)));
    List<String> names = List.of("restated", "10% changed", "all changed", "all changed again");
    List<List<Click>> runs =
        List.of(
            rows(0, DAYS - BACKFILLED_DAYS, 0),
            rows(10, DAYS - BACKFILLED_DAYS, 1),
            rows(1, DAYS - BACKFILLED_DAYS, 2),
            rows(1, DAYS - BACKFILLED_DAYS, 2));

    List<double[]> seconds = new ArrayList<>();
    List<Instant> times = new ArrayList<>();
    try (BufferAllocator allocator = new RootAllocator();
        Connection baseline =
            DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("baseline.duckdb"))) {
      try (FeatureStore store =
          FeatureStore.builder().config(StoreConfig.local(dir)).clock(clock).open()) {
        store.apply(CLICKS).orThrow();
        try (VectorSchemaRoot all = CLICKS.toArrow(rows(0, 0, 0), allocator)) {
          store.write(CLICKS.name(), all);
          createBaseline(baseline, all, allocator);
        }

        for (List<Click> run : runs) {
          clock.advance(Duration.ofHours(1));
          times.add(clock.instant());
          try (VectorSchemaRoot batch = CLICKS.toArrow(run, allocator)) {
            long start = System.nanoTime();
            store.backfill(CLICKS.name(), range, batch);
            double soko = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            replacePlainly(baseline, range, batch, clock.instant(), allocator);
            seconds.add(new double[] {soko, (System.nanoTime() - start) / 1e9});
          }
        }
      }
    }

    System.out.printf(
        "%,d rows written; each backfill states %,d rows%n%n",
        (long) KEYS * DAYS, (long) KEYS * BACKFILLED_DAYS);
    System.out.printf(
        "%-18s %10s %14s %15s%n", "backfill", "Soko (s)", "baseline (s)", "rows kept");
    List<Long> kept = keptRows(dir.resolve(".soko/soko.duckdb"), times);
    for (int i = 0; i < runs.size(); i++) {
      System.out.printf(
          "%-18s %10.2f %14.2f %,15d%n",
          names.get(i), seconds.get(i)[0], seconds.get(i)[1], kept.get(i));
    }
  }

  /** Returns how many replaced rows each backfill kept, by its time. */
  private static List<Long> keptRows(Path file, List<Instant> times) throws Exception {
    List<Long> counts = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file);
        PreparedStatement count =
            connection.prepareStatement(
                "SELECT count(*) FROM replaced.store_clicks_v1"
                    + " WHERE _replaced_at = ?::TIMESTAMPTZ")) {
      for (Instant time : times) {
        count.setString(1, time.toString());
        try (ResultSet result = count.executeQuery()) {
          result.next();
          counts.add(result.getLong(1));
        }
      }
    }

    return counts;
  }

  /**
   * Returns one row a day per key from day {@code firstDay} to the last, with clicks that depend on
   * {@code version} for one key in {@code changeEvery} (every key when 1, none when 0).
   */
  private static List<Click> rows(int changeEvery, int firstDay, int version) {
    List<Click> rows = new ArrayList<>();
    for (int day = firstDay; day < DAYS; day++) {
      for (int key = 0; key < KEYS; key++) {
        boolean changed = changeEvery > 0 && key % changeEvery == 0;
        rows.add(
            new Click(
                "u" + key,
                START.plus(Duration.ofDays(day)),
                day * 1_000L + key % 1_000 + (changed ? version * 1_000_000L : 0),
                key % 3 == 0 ? null : key / 10_000.0));
      }
    }

    return rows;
  }

  private static void createBaseline(
      Connection connection, VectorSchemaRoot all, BufferAllocator allocator) throws Exception {
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE clicks (user_id VARCHAR NOT NULL, event_time TIMESTAMPTZ NOT NULL, clicks"
              + " BIGINT NOT NULL, ctr DOUBLE, _ingested_at TIMESTAMPTZ NOT NULL)");
    }

    insert(connection, all, Instant.EPOCH, allocator);
  }

  private static void replacePlainly(
      Connection connection,
      TimeRange range,
      VectorSchemaRoot batch,
      Instant now,
      BufferAllocator allocator)
      throws Exception {
    connection.setAutoCommit(false);
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM clicks WHERE event_time >= ?::TIMESTAMPTZ"
                + " AND event_time < ?::TIMESTAMPTZ")) {
      delete.setString(1, range.from().toString());
      delete.setString(2, range.to().toString());
      delete.executeUpdate();
      insert(connection, batch, now, allocator);
      connection.commit();
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private static void insert(
      Connection connection, VectorSchemaRoot batch, Instant now, BufferAllocator allocator)
      throws Exception {
    try (ArrowReader reader = RecordBatches.of(batch, allocator);
        ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator)) {
      Data.exportArrayStream(allocator, reader, stream);
      connection.unwrap(DuckDBConnection.class).registerArrowStream("batch", stream);
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO clicks SELECT user_id, event_time, clicks, ctr, ?::TIMESTAMPTZ"
                  + " FROM batch")) {
        insert.setString(1, now.toString());
        insert.executeUpdate();
      } finally {
        try (Statement drop = connection.createStatement()) {
          drop.execute("DROP VIEW IF EXISTS batch");
        }
      }
    }
  }
}
