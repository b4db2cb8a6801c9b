package dev.soko.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that lack some of a group's columns, as files written before a compatible change do. */
class AbsentColumnTest {

  private static final String ORDERS_WITH_OFFSETS =
      """
      customer_id,event_time,orders_30d,spend_30d,country
      017850,2011-01-04T10:00:00Z,3,45.5,United Kingdom
      13047,2011-01-04T12:30:00Z,1,,France
      """;

  @TempDir Path dir;

  // Regression: after a compatible change added a nullable feature, every file written before it
  // was refused for lacking the new column, breaking the producers the change was meant to keep.
  @Test
  void readsANullableFeatureAddedByACompatibleChangeAsNull() throws Exception {
    Cli cli = Fixtures.applied(dir);
    Path changed =
        DefinitionJar.compile(
            dir,
            "changed",
            Map.of(
                "CustomerOrders",
                DefinitionJar.CUSTOMER_ORDERS.replace(
                    "String country) {}", "String country, String note) {}")));
    assertThat(cli.run("apply", changed.toString()).exitCode()).isZero();
    Fixtures.write(dir, "orders.csv", ORDERS_WITH_OFFSETS);

    Cli.Result result = cli.run("ingest", "customer_orders", "orders.csv");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.outLinesTimeless())
        .containsExactly("Ingested 2 rows into customer_orders from orders.csv in N s.");
    assertThat(result.errLines())
        .containsExactly("orders.csv has no column note; it is stored as null in every row.");
    assertThat(
            cli.run(
                    "sql",
                    "SELECT customer_id, orders_30d, country, note FROM features.customer_orders"
                        + " ORDER BY event_time")
                .outLines())
        .containsExactly(
            "customer_id | orders_30d | country        | note",
            "------------+------------+----------------+-----",
            "017850      |          3 | United Kingdom | null",
            "13047       |          1 | France         | null",
            "(2 rows)");
  }

  @Test
  void readsNullableFeaturesAbsentFromAParquetFileAsNullAndNamesThemOnce() throws Exception {
    Cli cli = Fixtures.applied(dir);
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      statement.execute(
          "COPY (SELECT * FROM (VALUES ('017850', TIMESTAMPTZ '2011-01-04 10:00:00+00', 3),"
              + " ('13047', TIMESTAMPTZ '2011-01-04 12:30:00+00', 1))"
              + " t(customer_id, event_time, orders_30d)) TO '"
              + dir.resolve("orders.parquet")
              + "' (FORMAT parquet)");
    }

    Cli.Result result = cli.run("ingest", "customer_orders", "orders.parquet");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.errLines())
        .containsExactly(
            "orders.parquet has no columns spend_30d, country; they are stored as null in every"
                + " row.");
    assertThat(
            cli.run(
                    "sql",
                    "SELECT customer_id, orders_30d, spend_30d, country"
                        + " FROM features.customer_orders ORDER BY event_time")
                .outLines())
        .containsExactly(
            "customer_id | orders_30d | spend_30d | country",
            "------------+------------+-----------+--------",
            "017850      |          3 |      null |    null",
            "13047       |          1 |      null |    null",
            "(2 rows)");
  }

  @Test
  void backfillsFromAFileWithoutANullableFeature() throws Exception {
    Cli cli = Fixtures.applied(dir);
    Fixtures.write(
        dir,
        "january4.csv",
        "customer_id,event_time,orders_30d,spend_30d\n017850,2011-01-04T10:00:00Z,30,450.0\n");

    Cli.Result result =
        cli.run(
            "backfill",
            "customer_orders",
            "--from",
            "2011-01-04T00:00:00Z",
            "--to",
            "2011-01-05T00:00:00Z",
            "january4.csv");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.errLines())
        .containsExactly("january4.csv has no column country; it is stored as null in every row.");
    assertThat(
            cli.run("sql", "SELECT orders_30d, spend_30d, country FROM features.customer_orders")
                .outLines())
        .containsExactly(
            "orders_30d | spend_30d | country",
            "-----------+-----------+--------",
            "        30 |     450.0 |    null",
            "(1 row)");
  }

  @Test
  void saysNothingOfAnAbsentFeatureWhenTheBackfillIsRefused() throws Exception {
    Cli cli = Fixtures.applied(dir);
    Fixtures.write(
        dir,
        "twice.csv",
        "customer_id,event_time,orders_30d\n"
            + "q1,2011-01-04T10:00:00Z,3\n"
            + "q1,2011-01-04T10:00:00Z,4\n");

    Cli.Result result =
        cli.run(
            "backfill",
            "customer_orders",
            "--from",
            "2011-01-04",
            "--to",
            "2011-01-05",
            "twice.csv");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Cannot backfill group 'customer_orders' version 1: rows 1 and 2 both have key"
                + " q1 and event time 2011-01-04T10:00:00Z. A backfill states each (keys, event"
                + " time) once; nothing was written");
    assertThat(cli.run("describe", "customer_orders").outLines())
        .contains("Rows stored: 0 (a key and event time written twice counts twice)");
  }

  @Test
  void refusesAFileWithoutARequiredColumnAndWritesNothing() throws Exception {
    Cli cli = Fixtures.applied(dir);
    Fixtures.write(
        dir, "short.csv", "customer_id,event_time,country\n1,2011-01-04T10:00:00Z,France\n");
    Fixtures.write(dir, "untimed.csv", "orders_30d,country\n3,France\n");

    Cli.Result feature = cli.run("ingest", "customer_orders", "short.csv");
    Cli.Result keyAndTime = cli.run("ingest", "customer_orders", "untimed.csv");

    assertThat(feature.exitCode()).isEqualTo(1);
    assertThat(feature.errLines())
        .containsExactly(
            "Error: Cannot read "
                + dir.resolve("short.csv")
                + ": it has no column orders_30d of group 'customer_orders' (its columns are"
                + " customer_id, event_time, country); name the file's columns as the group's:"
                + " customer_id, event_time, orders_30d, spend_30d, country");
    assertThat(keyAndTime.errLines())
        .containsExactly(
            "Error: Cannot read "
                + dir.resolve("untimed.csv")
                + ": it has no columns customer_id, event_time of group 'customer_orders' (its"
                + " columns are orders_30d, country); name the file's columns as the group's:"
                + " customer_id, event_time, orders_30d, spend_30d, country");
    assertThat(cli.run("describe", "customer_orders").outLines())
        .contains("Rows stored: 0 (a key and event time written twice counts twice)");
  }
}
