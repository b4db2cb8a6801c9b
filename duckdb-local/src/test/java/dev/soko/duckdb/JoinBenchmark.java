package dev.soko.duckdb;

import dev.soko.Column;
import dev.soko.FeatureType;
import dev.soko.GroupSpec;
import dev.soko.spi.GroupJoin;
import dev.soko.spi.JoinRequest;
import dev.soko.spi.OutputFormat;
import dev.soko.spi.TableSource;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures one training set of 1,000,000 spine rows against a group of 10,000,000 rows (100,000
 * keys with 100 event times each), written to Parquet, in both join forms. Not a test: run it by
 * hand with {@code java ... dev.soko.duckdb.JoinBenchmark [folder]}.
 *
 * <p>Memory is reported three ways: the JVM heap's peak (memory pool MXBeans), DuckDB's own
 * accounting ({@code duckdb_memory()}, sampled every 50 ms, so a peak between samples is missed),
 * and the process's peak resident set ({@code VmHWM} from {@code /proc/self/status}, reset before
 * each run), which covers both and is the number to trust.
 */
public final class JoinBenchmark {

  private static final int KEYS = 100_000;
  private static final int TIMES = 100;
  private static final int SPINE_ROWS = 1_000_000;

  private JoinBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("soko-bench");
    Files.createDirectories(dir);
    Path file = dir.resolve("bench.duckdb");
    Path spine = dir.resolve("spine.parquet");
    boolean reuse = Files.exists(file) && Files.exists(spine);
    GroupSpec spec =
        new GroupSpec(
            "bench_clicks",
            1,
            "",
            "",
            List.of(),
            null,
            false,
            List.of(Column.key("user_id", FeatureType.STRING)),
            Column.eventTime("event_time"),
            List.of(
                Column.feature("clicks", FeatureType.LONG, false),
                Column.feature("ctr", FeatureType.DOUBLE, true)));

    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file)) {
      long start = System.nanoTime();
      // The data of an earlier run in the same folder is reused.
      try (Statement statement = connection.createStatement()) {
        if (!reuse) {
          generate(statement, spine);
        }
      }

      System.out.printf(
          "%s %,d group rows and %,d spine rows in %.1f s%n",
          reuse ? "reused" : "generated",
          (long) KEYS * TIMES,
          SPINE_ROWS,
          (System.nanoTime() - start) / 1e9);
      GroupJoin join =
          new GroupJoin(
              spec,
              "bench_clicks",
              List.of("user_id"),
              List.of("clicks", "ctr"),
              List.of("bench_clicks__clicks", "bench_clicks__ctr"));
      JoinRequest request =
          new JoinRequest(
              new TableSource.Parquet(spine), "shown_at", null, List.of(join), false, false);

      List<DuckDbJoinEngine.Form> forms =
          args.length > 1
              ? List.of(DuckDbJoinEngine.Form.valueOf(args[1]))
              : List.of(DuckDbJoinEngine.Form.values());
      for (DuckDbJoinEngine.Form form : forms) {
        run(connection, new DuckDbJoinEngine(connection, form), form.name(), request, dir);
      }

      if (args.length > 1) {
        return;
      }

      JoinRequest known =
          new JoinRequest(
              new TableSource.Parquet(spine), "shown_at", null, List.of(join), false, true);
      run(connection, new DuckDbJoinEngine(connection), "RANGE (as known at)", known, dir);
    }
  }

  private static void generate(Statement statement, Path spine) throws Exception {
    statement.execute("CREATE SCHEMA offline");
    statement.execute(
        "CREATE TABLE offline.bench_clicks_v1 AS SELECT 'u' || (i % "
            + KEYS
            + ") AS user_id, TIMESTAMPTZ '2024-01-01 00:00:00+00' + to_hours(i // "
            + KEYS
            + ") AS event_time, i AS clicks, (i % 1000) / 1000.0 AS ctr,"
            + " TIMESTAMPTZ '2024-01-01 00:01:00+00' + to_hours(i // "
            + KEYS
            + ") AS _ingested_at FROM range("
            + (long) KEYS * TIMES
            + ") t(i)");
    statement.execute(
        "COPY (SELECT 'u' || (hash(i) % "
            + KEYS
            + ") AS user_id, TIMESTAMPTZ '2024-01-01 00:00:00+00' + to_seconds((hash(i * 7)"
            + " % ("
            + TIMES
            + " * 3600))::BIGINT) AS shown_at, i % 2 AS label FROM range("
            + SPINE_ROWS
            + ") t(i)) TO '"
            + spine
            + "' (FORMAT parquet)");
  }

  private static void run(
      Connection connection, DuckDbJoinEngine engine, String name, JoinRequest request, Path dir)
      throws Exception {
    Path out = dir.resolve("out-" + name.replaceAll("[^A-Za-z]", "") + ".parquet");
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }

    Files.writeString(Path.of("/proc/self/clear_refs"), "5");
    AtomicLong duckDbPeak = new AtomicLong();
    Thread sampler = new Thread(() -> sample(connection, duckDbPeak));
    sampler.setDaemon(true);
    sampler.start();
    long start = System.nanoTime();
    long rows = engine.write(request, out, OutputFormat.PARQUET);
    double seconds = (System.nanoTime() - start) / 1e9;
    sampler.interrupt();
    sampler.join();

    long heapPeak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        heapPeak += pool.getPeakUsage().getUsed();
      }
    }

    long matched;
    try (Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery(
                "SELECT count(bench_clicks__clicks) FROM read_parquet('" + out + "')")) {
      result.next();
      matched = result.getLong(1);
    }

    System.out.printf(
        "%-20s %,d rows (%,d matched) in %.2f s; peak RSS %,d MB, JVM heap peak %,d MB,"
            + " DuckDB sampled peak %,d MB%n",
        name,
        rows,
        matched,
        seconds,
        peakRssKb() / 1024,
        heapPeak / (1024 * 1024),
        duckDbPeak.get() / (1024 * 1024));
  }

  private static void sample(Connection connection, AtomicLong peak) {
    try (Connection monitor = connection.unwrap(org.duckdb.DuckDBConnection.class).duplicate();
        Statement statement = monitor.createStatement()) {
      while (!Thread.currentThread().isInterrupted()) {
        try (ResultSet result =
            statement.executeQuery("SELECT sum(memory_usage_bytes) FROM duckdb_memory()")) {
          result.next();
          peak.accumulateAndGet(result.getLong(1), Math::max);
        }

        Thread.sleep(50);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static long peakRssKb() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }

    return -1;
  }
}
