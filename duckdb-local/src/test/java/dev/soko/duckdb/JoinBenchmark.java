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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures training sets written to Parquet, in several join forms. By default one training set of
 * 1,000,000 spine rows against a group of 10,000,000 rows (100,000 keys with 100 event times each,
 * an hour apart). Most rows are ingested a minute after their event time, one in ten between one
 * and 48 hours after it, as a late write or a backfill would be. Not a test: run it by hand with
 * {@code java ... dev.soko.duckdb.JoinBenchmark [folder [forms [spine rows [keys [times per
 * key]]]]]}, where forms is a comma-separated list of {@link DuckDbJoinEngine.Form} names, each
 * with {@code +known} for "as known at" (by default every form, then {@code RANGE+known} and {@code
 * ASOF_ORDERED+known}). A form that also ends in {@code +replaced} runs with one row in ten of the
 * group also kept as replaced: known at its event time, with other values, until a backfill a day
 * after the current row's ingestion, as "as known at" reads such rows; the other forms run without.
 * The data of an earlier run in the same folder is reused.
 *
 * <p>Memory is reported three ways: the JVM heap's peak (memory pool MXBeans), DuckDB's own
 * accounting ({@code duckdb_memory()}, sampled every 50 ms, so a peak between samples is missed),
 * and the process's peak resident set ({@code VmHWM} from {@code /proc/self/status}, reset before
 * each run), which covers both and is the number to trust.
 */
public final class JoinBenchmark {

  private static final String KNOWN = "+known";
  private static final String REPLACED = "+replaced";

  private JoinBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("soko-bench");
    int spineRows = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
    int keys = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
    int times = args.length > 4 ? Integer.parseInt(args[4]) : 100;
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
      try (Statement statement = connection.createStatement()) {
        if (!reuse) {
          generate(statement, spine, spineRows, keys, times);
        }
      }

      System.out.printf(
          "%s %,d group rows (%,d keys) and %,d spine rows in %.1f s%n",
          reuse ? "reused" : "generated",
          (long) keys * times,
          keys,
          spineRows,
          (System.nanoTime() - start) / 1e9);
      GroupJoin join =
          new GroupJoin(
              spec,
              "bench_clicks",
              List.of("user_id"),
              List.of("clicks", "ctr"),
              List.of("bench_clicks__clicks", "bench_clicks__ctr"));

      List<String> forms = new ArrayList<>();
      if (args.length > 1) {
        forms.addAll(List.of(args[1].split(",")));
      } else {
        Arrays.stream(DuckDbJoinEngine.Form.values()).forEach(form -> forms.add(form.name()));
        forms.add(DuckDbJoinEngine.Form.RANGE + KNOWN);
        forms.add(DuckDbJoinEngine.Form.ASOF_ORDERED + KNOWN);
      }

      for (String name : forms) {
        boolean replaced = name.endsWith(REPLACED);
        String base = replaced ? name.substring(0, name.length() - REPLACED.length()) : name;
        boolean known = base.endsWith(KNOWN);
        DuckDbJoinEngine.Form form =
            DuckDbJoinEngine.Form.valueOf(known ? base.substring(0, base.indexOf('+')) : base);
        JoinRequest request =
            new JoinRequest(
                new TableSource.Parquet(spine), "shown_at", null, List.of(join), false, known);
        try (Statement statement = connection.createStatement()) {
          statement.execute("DROP SCHEMA IF EXISTS replaced CASCADE");
          if (replaced) {
            statement.execute("CREATE SCHEMA replaced");
            statement.execute(
                "CREATE TABLE replaced.bench_clicks_v1 AS SELECT user_id, event_time, -clicks AS"
                    + " clicks, 1 - ctr AS ctr, event_time AS _ingested_at, _ingested_at"
                    + " + to_hours(24) AS _replaced_at FROM offline.bench_clicks_v1"
                    + " WHERE clicks % 10 = 3");
          }
        }

        run(connection, new DuckDbJoinEngine(connection, form), name, request, dir);
      }
    }
  }

  private static void generate(Statement statement, Path spine, int spineRows, int keys, int times)
      throws Exception {
    long rows = (long) keys * times;
    statement.execute("CREATE SCHEMA offline");
    statement.execute(
        "CREATE TABLE offline.bench_clicks_v1 AS SELECT 'u' || (i % "
            + keys
            + ") AS user_id, TIMESTAMPTZ '2024-01-01 00:00:00+00' + to_hours(i // "
            + keys
            + ") AS event_time, i AS clicks, (i % 1000) / 1000.0 AS ctr,"
            + " TIMESTAMPTZ '2024-01-01 00:01:00+00' + to_hours(i // "
            + keys
            + ") + CASE WHEN hash(i * 3) % 10 = 0 THEN to_hours((1 + hash(i * 5) % 48)::BIGINT)"
            + " ELSE INTERVAL 0 SECOND END AS _ingested_at FROM range("
            + rows
            + ") t(i)");
    statement.execute(
        "COPY (SELECT 'u' || (hash(i) % "
            + keys
            + ") AS user_id, TIMESTAMPTZ '2024-01-01 00:00:00+00' + to_seconds((hash(i * 7)"
            + " % ("
            + times
            + " * 3600))::BIGINT) AS shown_at, i % 2 AS label FROM range("
            + spineRows
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
    String digest;
    // The digest covers each row's position and features: equal digests, equal outputs.
    try (Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery(
                "SELECT count(bench_clicks__clicks), bit_xor(hash(file_row_number,"
                    + " bench_clicks__clicks, bench_clicks__ctr)) FROM read_parquet('"
                    + out
                    + "', file_row_number = true)")) {
      result.next();
      matched = result.getLong(1);
      digest = result.getString(2);
    }

    System.out.printf(
        "%-20s %,d rows (%,d matched, digest %s) in %.2f s; peak RSS %,d MB, JVM heap peak"
            + " %,d MB, DuckDB sampled peak %,d MB%n",
        name,
        rows,
        matched,
        digest,
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
