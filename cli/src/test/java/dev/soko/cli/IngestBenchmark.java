package dev.soko.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures {@code soko ingest} of a CSV and a Parquet file against DuckDB loading the same file
 * into a table of the same types, in the same run. Not a test: run it by hand, from the repository
 * root, after {@code mvn -q -B -DskipTests package}:
 *
 * <pre>
 * mvn -q -B -pl cli -am test-compile dependency:build-classpath \
 *     -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath
 * java --add-opens=java.base/java.nio=ALL-UNNAMED \
 *     -cp cli/target/test-classes:cli/target/classes:$(cat cli/target/test.classpath) \
 *     dev.soko.cli.IngestBenchmark 1000000
 * </pre>
 *
 * <p>The argument is the number of rows (one million when left out); the files and stores are made
 * under a temporary folder, deleted at the end. Each load runs once, in one JVM after a small
 * warm-up, so the times are rough: a few tenths of a second apart mean nothing.
 */
final class IngestBenchmark {

  private static final String COLUMNS =
      "customer_id VARCHAR, event_time TIMESTAMPTZ, orders_30d BIGINT, spend_30d DOUBLE,"
          + " country VARCHAR";

  private IngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000;
    Path dir = Files.createTempDirectory("soko-ingest-benchmark");
    try {
      Path jar = DefinitionJar.both(Files.createDirectories(dir.resolve("definitions")));
      Path csv = dir.resolve("orders.csv");
      Path parquet = dir.resolve("orders.parquet");
      generate(rows, csv, parquet);
      soko(jar, dir.resolve("warm-up"), csv, 0);
      List<String[]> table = new ArrayList<>();
      int run = 0;
      for (Path file : List.of(csv, parquet)) {
        double soko = soko(jar, dir.resolve("soko-" + run), file, rows);
        double duckdb = duckdb(dir.resolve("duckdb-" + run + ".db"), file);
        table.add(
            new String[] {
              file.getFileName().toString(),
              String.format(Locale.ROOT, "%,d", rows),
              String.format(Locale.ROOT, "%.1f MB", Files.size(file) / 1e6),
              seconds(soko),
              seconds(duckdb),
              String.format(Locale.ROOT, "%.1fx", soko / duckdb)
            });
        run++;
      }

      TextTable out =
          new TextTable(
              List.of("file", "rows", "size", "soko ingest", "DuckDB INSERT ... SELECT", "ratio"));
      table.forEach(line -> out.add(List.of((Object[]) line)));
      out.print(new java.io.PrintWriter(System.out, true));
    } finally {
      deleteTree(dir);
    }
  }

  /**
   * Writes the rows of the customer orders group with DuckDB: 10,000 customers, one row a day each,
   * times with a zone.
   */
  private static void generate(long rows, Path csv, Path parquet) throws SQLException {
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      statement.execute("SET TimeZone = 'UTC'");
      statement.execute(
          "CREATE TABLE orders AS SELECT lpad(CAST(i % 10000 AS VARCHAR), 6, '0') AS customer_id,"
              + " TIMESTAMPTZ '2010-12-01 23:59:59+00' + to_days(CAST(i // 10000 AS INTEGER))"
              + " AS event_time, CAST(hash(i) % 30 AS BIGINT) AS orders_30d,"
              + " CASE WHEN i % 7 = 0 THEN NULL ELSE round((hash(i) % 100000) / 100.0, 2) END"
              + " AS spend_30d, (['United Kingdom', 'France', 'Germany', 'EIRE'])"
              + "[CAST(1 + i % 4 AS BIGINT)] AS country FROM range("
              + rows
              + ") r(i)");
      statement.execute("COPY orders TO '" + csv + "' (HEADER, DELIMITER ',')");
      statement.execute("COPY orders TO '" + parquet + "' (FORMAT parquet)");
    }
  }

  /** Returns the seconds {@code soko ingest} of the file takes, into a new local store. */
  private static double soko(Path jar, Path store, Path file, long rows) throws IOException {
    Files.createDirectories(store);
    Path input = file;
    if (rows == 0) {
      input = Files.writeString(store.resolve("one.csv"), Fixtures.ORDERS_CSV);
    }

    Cli cli = new Cli(store);
    Cli.Result applied = cli.run("apply", jar.toString());
    require(applied);
    long start = System.nanoTime();
    Cli.Result ingested = cli.run("ingest", "customer_orders", input.toString());
    double seconds = (System.nanoTime() - start) / 1e9;
    require(ingested);
    return seconds;
  }

  /** Returns the seconds DuckDB takes to load the file into a table of a new database file. */
  private static double duckdb(Path database, Path file) throws SQLException {
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:" + database);
        Statement statement = duckdb.createStatement()) {
      long start = System.nanoTime();
      statement.execute("CREATE TABLE orders (" + COLUMNS + ")");
      String source =
          file.toString().endsWith(".csv")
              ? "read_csv('" + file + "', header = true, columns = {" + csvColumns() + "})"
              : "read_parquet('" + file + "')";
      statement.execute("INSERT INTO orders SELECT * FROM " + source);
      statement.execute("CHECKPOINT");
      return (System.nanoTime() - start) / 1e9;
    }
  }

  private static String csvColumns() {
    List<String> columns = new ArrayList<>();
    for (String column : COLUMNS.split(", ")) {
      String[] parts = column.split(" ", 2);
      columns.add("'" + parts[0] + "': '" + parts[1] + "'");
    }

    return String.join(", ", columns);
  }

  private static void require(Cli.Result result) {
    if (result.exitCode() != 0) {
      throw new IllegalStateException("soko failed: " + result.err());
    }
  }

  private static String seconds(double value) {
    return String.format(Locale.ROOT, "%.2f s", value);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}
