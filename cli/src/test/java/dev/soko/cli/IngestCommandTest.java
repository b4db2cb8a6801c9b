package dev.soko.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestCommandTest {

  private static final String UTC_NOTE =
      "Timestamps without a zone are read as UTC; pass --timezone to change.";

  @TempDir Path dir;

  @Test
  void readsZoneLessTimesAsUtcAndSaysSo() throws Exception {
    Cli cli = Fixtures.applied(dir);
    Fixtures.write(dir, "orders.csv", Fixtures.ORDERS_CSV);

    Cli.Result result = cli.run("ingest", "customer_orders", "orders.csv");

    assertThat(result.exitCode()).isZero();
    assertThat(result.outLinesTimeless())
        .containsExactly("Ingested 3 rows into customer_orders from orders.csv in N s.");
    assertThat(result.errLines()).containsExactly(UTC_NOTE);
    assertThat(
            cli.run(
                    "sql",
                    "SELECT customer_id, event_time, orders_30d, spend_30d, country"
                        + " FROM features.customer_orders ORDER BY event_time")
                .outLines())
        .containsExactly(
            "customer_id | event_time           | orders_30d | spend_30d | country",
            "------------+----------------------+------------+-----------+---------------",
            "017850      | 2011-01-04T10:00:00Z |          3 |      45.5 | United Kingdom",
            "13047       | 2011-01-04T12:30:00Z |          1 |      null | France",
            "017850      | 2011-01-05T09:00:00Z |          4 |     60.25 | United Kingdom",
            "(3 rows)");
  }

  @Test
  void readsZoneLessTimesInTheGivenZone() throws Exception {
    Cli cli = Fixtures.applied(dir);
    Fixtures.write(dir, "orders.csv", Fixtures.ORDERS_CSV);

    Cli.Result result =
        cli.run("ingest", "customer_orders", "orders.csv", "--timezone", "Asia/Tokyo");

    assertThat(result.exitCode()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(cli.run("describe", "customer_orders").outLines())
        .contains("First event: 2011-01-04T01:00:00Z", "Last event:  2011-01-05T00:00:00Z");
  }

  @Test
  void keepsTheZoneOfTimesThatHaveOne() throws Exception {
    Cli cli = Fixtures.applied(dir);
    Fixtures.write(dir, "items.csv", Fixtures.ITEMS_CSV);

    Cli.Result result = cli.run("ingest", "item_stats", "items.csv", "--timezone", "Asia/Tokyo");

    assertThat(result.outLinesTimeless())
        .containsExactly("Ingested 2 rows into item_stats from items.csv in N s.");
    assertThat(result.err()).isEmpty();
    assertThat(
            cli.run("sql", "SELECT stock_code, event_time FROM features.item_stats ORDER BY 1")
                .outLines())
        .containsExactly(
            "stock_code | event_time",
            "-----------+---------------------",
            "22423      | 2011-01-04T10:00:00Z",
            "85123A     | 2011-01-04T10:00:00Z",
            "(2 rows)");
  }

  @Test
  void readsParquet() throws Exception {
    Cli cli = Fixtures.applied(dir);
    Fixtures.write(dir, "orders.csv", Fixtures.ORDERS_CSV);
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      statement.execute("SET TimeZone = 'UTC'");
      statement.execute(
          "COPY (SELECT customer_id, CAST(event_time AS TIMESTAMPTZ) AS event_time, orders_30d,"
              + " spend_30d, country FROM read_csv('"
              + dir.resolve("orders.csv")
              + "', types = {'customer_id': 'VARCHAR'})) TO '"
              + dir.resolve("orders.parquet")
              + "' (FORMAT parquet)");
    }

    Cli.Result result = cli.run("ingest", "customer_orders", "orders.parquet");

    assertThat(result.outLinesTimeless())
        .containsExactly("Ingested 3 rows into customer_orders from orders.parquet in N s.");
    assertThat(result.err()).isEmpty();
    assertThat(cli.run("describe", "customer_orders").outLines())
        .contains(
            "Rows stored: 3 (a key and event time written twice counts twice)",
            "First event: 2011-01-04T10:00:00Z");
  }

  @Test
  void namesTheRowOfABadParquetValueAndWritesNothing() throws Exception {
    Cli cli = Fixtures.applied(dir);
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      statement.execute(
          "COPY (SELECT * FROM (VALUES ('1', TIMESTAMPTZ '2011-01-04 10:00:00+00', 2.0, 1.5, 'UK'),"
              + " ('2', TIMESTAMPTZ '2011-01-04 11:00:00+00', 2.5, 1.5, 'UK'))"
              + " t(customer_id, event_time, orders_30d, spend_30d, country)) TO '"
              + dir.resolve("orders.parquet")
              + "' (FORMAT parquet)");
    }

    Cli.Result result = cli.run("ingest", "customer_orders", "orders.parquet");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Cannot read "
                + dir.resolve("orders.parquet")
                + ": row 2, column orders_30d: '2.5' is not a whole number, the type of column"
                + " orders_30d of group 'customer_orders'; correct the value");
    assertThat(cli.run("describe", "customer_orders").outLines())
        .contains("Rows stored: 0 (a key and event time written twice counts twice)");
  }

  @Test
  void refusesAnUnknownGroup() throws Exception {
    Cli cli = Fixtures.applied(dir);
    Fixtures.write(dir, "orders.csv", Fixtures.ORDERS_CSV);

    Cli.Result result = cli.run("ingest", "customer_order", "orders.csv");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Cannot ingest into group 'customer_order': no group of that name was applied;"
                + " run 'soko list' to see the groups, or 'soko apply JAR' to create it");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void refusesAMissingFile() throws Exception {
    Cli.Result result = Fixtures.applied(dir).run("ingest", "customer_orders", "nowhere.csv");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Cannot read " + dir.resolve("nowhere.csv") + ": no such file; check the path");
  }

  @Test
  void refusesAnotherFormat() throws Exception {
    Fixtures.write(dir, "orders.json", "{}");

    Cli.Result result = new Cli(dir).run("ingest", "customer_orders", "orders.json");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Cannot read "
                + dir.resolve("orders.json")
                + ": the file name must end in .csv or .parquet");
  }

  @Test
  void refusesAValueOfTheWrongTypeAndWritesNothing() throws Exception {
    Cli cli = Fixtures.applied(dir);
    Fixtures.write(
        dir,
        "bad.csv",
        "customer_id,event_time,orders_30d,spend_30d,country\n"
            + "1,2011-01-04 10:00:00,three,45.5,UK\n");

    Cli.Result result = cli.run("ingest", "customer_orders", "bad.csv");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Cannot read "
                + dir.resolve("bad.csv")
                + ": line 2, column orders_30d: 'three' is not a whole number, the type of column"
                + " orders_30d of group 'customer_orders'; correct the value");
    assertThat(cli.run("describe", "customer_orders").outLines())
        .contains("Rows stored: 0 (a key and event time written twice counts twice)");
  }

  @Test
  void refusesAFileThatIsNotParquet() throws Exception {
    Fixtures.write(dir, "bad.parquet", "not parquet");

    Cli.Result result = Fixtures.applied(dir).run("ingest", "customer_orders", "bad.parquet");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Cannot read "
                + dir.resolve("bad.parquet")
                + ": Invalid Input Error: File '"
                + dir.resolve("bad.parquet")
                + "' too small to be a Parquet file; check that it is a valid Parquet file and"
                + " that its values fit the group's types");
  }

  @Test
  void refusesANullKey() throws Exception {
    Fixtures.write(
        dir,
        "nokey.csv",
        "customer_id,event_time,orders_30d,spend_30d,country\n,2011-01-04 10:00:00,3,1.0,UK\n");

    Cli.Result result =
        Fixtures.applied(dir).run("ingest", "customer_orders", "nokey.csv", "--timezone", "UTC");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Cannot read "
                + dir.resolve("nokey.csv")
                + ": line 2, column customer_id is empty, but it is a key of group"
                + " 'customer_orders'; give it a value");
  }

  // Regression: an empty required value was refused by the store as "row N has a null ...", a
  // row number one below the file's line, and without naming the file.
  @Test
  void namesTheLineOfAnEmptyRequiredValueAndWritesNothing() throws Exception {
    Cli cli = Fixtures.ingested(dir);
    Fixtures.write(
        dir,
        "gaps.csv",
        "customer_id,event_time,orders_30d,spend_30d,country\n"
            + "1,2011-01-06 10:00:00,2,,\n"
            + "2,2011-01-06 10:00:00,,1.0,UK\n");
    Fixtures.write(
        dir, "notime.csv", "customer_id,event_time,orders_30d,spend_30d,country\n1,,2,1.0,UK\n");

    Cli.Result gaps = cli.run("ingest", "customer_orders", "gaps.csv", "--timezone", "UTC");
    Cli.Result noTime = cli.run("ingest", "customer_orders", "notime.csv", "--timezone", "UTC");

    assertThat(gaps.errLines())
        .containsExactly(
            "Error: Cannot read "
                + dir.resolve("gaps.csv")
                + ": line 3, column orders_30d is empty, but feature orders_30d of group"
                + " 'customer_orders' cannot be null (it is a primitive long); give it a value");
    assertThat(noTime.errLines())
        .containsExactly(
            "Error: Cannot read "
                + dir.resolve("notime.csv")
                + ": line 2, column event_time is empty, but it is the event time of group"
                + " 'customer_orders'; give it a value");
    assertThat(rows(cli)).isEqualTo("3");
  }

  @Test
  void refusesANullKeyInALaterBatchAndWritesNothing() throws Exception {
    // Guards against a partial ingest: files used to be written one read batch at a time, so a
    // bad row after the first batch left the earlier batches stored.
    Cli cli = Fixtures.ingested(dir);
    StringBuilder csv = new StringBuilder("customer_id,event_time,orders_30d,spend_30d,country\n");
    for (int i = 0; i < 100_000; i++) {
      csv.append(i + 10).append(",2011-01-06 10:00:00,1,1.0,UK\n");
    }

    csv.append(",2011-01-06 10:00:00,1,1.0,UK\n");
    Fixtures.write(dir, "late.csv", csv.toString());

    Cli.Result result = cli.run("ingest", "customer_orders", "late.csv", "--timezone", "UTC");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Cannot read "
                + dir.resolve("late.csv")
                + ": line 100002, column customer_id is empty, but it is a key of group"
                + " 'customer_orders'; give it a value");
    assertThat(rows(cli)).isEqualTo("3");
  }

  @Test
  void namesTheLineOfABadValueInALaterPartAndWritesNothing() throws Exception {
    // The file is read in parts of 65,536 rows; the line counts the rows of the parts before.
    Cli cli = Fixtures.ingested(dir);
    StringBuilder csv = new StringBuilder("customer_id,event_time,orders_30d,spend_30d,country\n");
    for (int i = 0; i < 70_000; i++) {
      csv.append(i + 10).append(",2011-01-06 10:00:00,1,1.0,UK\n");
    }

    csv.append("9,2011-01-06 10:00:00,2,1.0,UK\n");
    csv.append("9,2011-01-06 11:00:00,2,ten,UK\n");
    Fixtures.write(dir, "late.csv", csv.toString());

    Cli.Result result = cli.run("ingest", "customer_orders", "late.csv");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Cannot read "
                + dir.resolve("late.csv")
                + ": line 70003, column spend_30d: 'ten' is not a double, the type of column"
                + " spend_30d of group 'customer_orders'; correct the value, or leave it empty for"
                + " none");
    assertThat(rows(cli)).isEqualTo("3");
  }

  @Test
  void keepsTheLastOfEqualRowsAcrossPartsOfTheFile() throws Exception {
    // Rows reach the store in file order, even when DuckDB reads the file in parallel.
    Cli cli = Fixtures.applied(dir);
    StringBuilder csv = new StringBuilder("stock_code,event_time,units_7d\n");
    csv.append("A,2011-01-04T10:00:00Z,1\n");
    for (int i = 0; i < 70_000; i++) {
      csv.append(i).append(",2011-01-04T10:00:00Z,1\n");
    }

    csv.append("A,2011-01-04T10:00:00Z,2\n");
    Fixtures.write(dir, "items.csv", csv.toString());

    Cli.Result result = cli.run("ingest", "item_stats", "items.csv");

    assertThat(result.exitCode()).isZero();
    assertThat(
            cli.run(
                    "sql",
                    "SELECT count(*) AS n, max(units_7d) FILTER (stock_code = 'A') AS a"
                        + " FROM offline.item_stats_v1")
                .outLines())
        .containsExactly("    n | a", "------+--", "70001 | 2", "(1 row)");
  }

  @Test
  void notesATimeWithoutAZoneInALaterPart() throws Exception {
    Cli cli = Fixtures.applied(dir);
    StringBuilder csv = new StringBuilder("stock_code,event_time,units_7d\n");
    for (int i = 0; i < 70_000; i++) {
      csv.append(i).append(",2011-01-04T10:00:00Z,1\n");
    }

    csv.append("A,2011-01-04 10:00:00,1\n");
    Fixtures.write(dir, "items.csv", csv.toString());

    Cli.Result result = cli.run("ingest", "item_stats", "items.csv");

    assertThat(result.exitCode()).isZero();
    assertThat(result.outLinesTimeless())
        .containsExactly("Ingested 70,001 rows into item_stats from items.csv in N s.");
    assertThat(result.errLines()).containsExactly(UTC_NOTE);
  }

  @Test
  void notesADateWithoutAZoneAndReadsAnOffsetAfterATime() throws Exception {
    // The day of a date (-04 in 2011-01-04) used to be taken for an offset, so no note was printed.
    Cli cli = Fixtures.applied(dir);
    Fixtures.write(
        dir,
        "items.csv",
        "stock_code,event_time,units_7d\n"
            + "85123A,2011-01-04T10:00:00-05,1\n"
            + "22423,2011-01-04,2\n");

    Cli.Result result = cli.run("ingest", "item_stats", "items.csv");

    assertThat(result.exitCode()).isZero();
    assertThat(result.errLines()).containsExactly(UTC_NOTE);
    assertThat(
            cli.run("sql", "SELECT stock_code, event_time FROM features.item_stats ORDER BY 1")
                .outLines())
        .containsExactly(
            "stock_code | event_time",
            "-----------+---------------------",
            "22423      | 2011-01-04T00:00:00Z",
            "85123A     | 2011-01-04T15:00:00Z",
            "(2 rows)");
  }

  @Test
  void notesNoZoneWhenEveryTimeHasAnOffset() throws Exception {
    Cli cli = Fixtures.applied(dir);
    Fixtures.write(
        dir,
        "items.csv",
        "stock_code,event_time,units_7d\n"
            + "85123A,2011-01-04 10:00:00.25+0100,1\n"
            + "22423,2011-01-04T10:00:00-05:30,2\n");

    Cli.Result result = cli.run("ingest", "item_stats", "items.csv");

    assertThat(result.exitCode()).isZero();
    assertThat(result.err()).isEmpty();
  }

  @Test
  void refusesAnUnterminatedQuoteAndWritesNothing() throws Exception {
    Cli cli = Fixtures.ingested(dir);
    Fixtures.write(
        dir,
        "unclosed.csv",
        "customer_id,event_time,orders_30d,spend_30d,country\n"
            + "1,2011-01-06 10:00:00,3,45.5,\"UK\n");

    Cli.Result result = cli.run("ingest", "customer_orders", "unclosed.csv");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Cannot read "
                + dir.resolve("unclosed.csv")
                + ": line 2 has a value with an unterminated quote; close the quote, and write a"
                + " quote inside a quoted value as two (\"\")");
    assertThat(rows(cli)).isEqualTo("3");
  }

  @Test
  void refusesAFractionInAWholeNumberColumnAndWritesNothing() throws Exception {
    Cli cli = Fixtures.ingested(dir);
    Fixtures.write(
        dir,
        "fraction.csv",
        "customer_id,event_time,orders_30d,spend_30d,country\n"
            + "1,2011-01-06 10:00:00,2,45.5,UK\n"
            + "2,2011-01-06 11:00:00,1.7,45.5,UK\n");

    Cli.Result result = cli.run("ingest", "customer_orders", "fraction.csv");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Cannot read "
                + dir.resolve("fraction.csv")
                + ": line 3, column orders_30d: '1.7' is not a whole number, the type of column"
                + " orders_30d of group 'customer_orders'; correct the value");
    assertThat(rows(cli)).isEqualTo("3");
  }

  // Regression: a whole number too large for its column was refused as "not a whole number".
  @Test
  void tellsAWholeNumberOutOfRangeFromOneThatIsNotANumber() throws Exception {
    Cli cli = Fixtures.ingested(dir);
    Fixtures.write(
        dir,
        "large.csv",
        "customer_id,event_time,orders_30d,spend_30d,country\n"
            + "1,2011-01-06 10:00:00,2,45.5,UK\n"
            + "2,2011-01-06 11:00:00, 99999999999999999999 ,45.5,UK\n");
    Fixtures.write(
        dir,
        "word.csv",
        "customer_id,event_time,orders_30d,spend_30d,country\n"
            + "2,2011-01-06 11:00:00,9e99,45.5,UK\n");

    Cli.Result large = cli.run("ingest", "customer_orders", "large.csv");
    Cli.Result word = cli.run("ingest", "customer_orders", "word.csv");

    assertThat(large.exitCode()).isEqualTo(1);
    assertThat(large.errLines())
        .containsExactly(
            "Error: Cannot read "
                + dir.resolve("large.csv")
                + ": line 3, column orders_30d: ' 99999999999999999999 ' is a whole number out of"
                + " range for a long (-9223372036854775808 to 9223372036854775807), the type of"
                + " column orders_30d of group 'customer_orders'; correct the value");
    assertThat(word.errLines())
        .containsExactly(
            "Error: Cannot read "
                + dir.resolve("word.csv")
                + ": line 2, column orders_30d: '9e99' is not a whole number, the type of column"
                + " orders_30d of group 'customer_orders'; correct the value");
    assertThat(rows(cli)).isEqualTo("3");
  }

  @Test
  void namesTheRangeOfAColumnForAParquetWholeNumberOutOfIt() throws Exception {
    Cli cli = Fixtures.applied(dir);
    parquet("unsigned.parquet", "2::UBIGINT", "9223372036854775808::UBIGINT");
    parquet("double.parquet", "1e19::DOUBLE", "1::DOUBLE");
    parquet("infinite.parquet", "1::DOUBLE", "'infinity'::DOUBLE");

    Cli.Result unsigned = cli.run("ingest", "customer_orders", "unsigned.parquet");
    Cli.Result fractional = cli.run("ingest", "customer_orders", "double.parquet");
    Cli.Result infinite = cli.run("ingest", "customer_orders", "infinite.parquet");

    assertThat(unsigned.exitCode()).isEqualTo(1);
    assertThat(unsigned.errLines())
        .containsExactly(
            "Error: Cannot read "
                + dir.resolve("unsigned.parquet")
                + ": row 2, column orders_30d: '9223372036854775808' is a whole number out of range"
                + " for a long (-9223372036854775808 to 9223372036854775807), the type of column"
                + " orders_30d of group 'customer_orders'; correct the value");
    assertThat(fractional.errLines())
        .containsExactly(
            "Error: Cannot read "
                + dir.resolve("double.parquet")
                + ": row 1, column orders_30d: '1e+19' is a whole number out of range for a long"
                + " (-9223372036854775808 to 9223372036854775807), the type of column orders_30d"
                + " of group 'customer_orders'; correct the value");
    assertThat(infinite.errLines())
        .containsExactly(
            "Error: Cannot read "
                + dir.resolve("infinite.parquet")
                + ": row 2, column orders_30d: 'inf' is not a whole number, the type of column"
                + " orders_30d of group 'customer_orders'; correct the value");
    assertThat(rows(cli)).isEqualTo("0");
  }

  /** Writes a Parquet file of two orders whose orders_30d values are the given SQL values. */
  private void parquet(String name, String first, String second) throws Exception {
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      statement.execute(
          "COPY (SELECT * FROM (VALUES ('1', TIMESTAMPTZ '2011-01-04 10:00:00+00', "
              + first
              + "), ('2', TIMESTAMPTZ '2011-01-04 11:00:00+00', "
              + second
              + ")) t(customer_id, event_time, orders_30d)) TO '"
              + dir.resolve(name)
              + "' (FORMAT parquet)");
    }
  }

  @Test
  void refusesALineWithTooManyFieldsAndWritesNothing() throws Exception {
    Cli cli = Fixtures.ingested(dir);
    Fixtures.write(
        dir,
        "wide.csv",
        "customer_id,event_time,orders_30d,spend_30d,country\n"
            + "1,2011-01-06 10:00:00,2,45.5,UK\n"
            + "2,2011-01-06 11:00:00,1,45.5,UK,extra\n");

    Cli.Result result = cli.run("ingest", "customer_orders", "wide.csv");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Cannot read "
                + dir.resolve("wide.csv")
                + ": line 3 has 6 fields, but the header has 5; give every line one field per"
                + " header column");
    assertThat(rows(cli)).isEqualTo("3");
  }

  // Regression: a header naming a column twice was read as one column fewer, so every line was
  // refused for having one field too many.
  @Test
  void refusesAHeaderThatNamesAColumnTwice() throws Exception {
    Cli cli = Fixtures.ingested(dir);
    Fixtures.write(
        dir,
        "twice.csv",
        "customer_id,event_time,orders_30d,spend_30d,country,country\n"
            + "1,2011-01-06 10:00:00,2,45.5,UK,France\n");

    Cli.Result result = cli.run("ingest", "customer_orders", "twice.csv");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Cannot read "
                + dir.resolve("twice.csv")
                + ": the header line names column 'country' twice; give each column its own name");
    assertThat(rows(cli)).isEqualTo("3");
  }

  @Test
  void refusesALineWithTooFewFields() throws Exception {
    Cli cli = Fixtures.ingested(dir);
    Fixtures.write(
        dir,
        "narrow.csv",
        "customer_id,event_time,orders_30d,spend_30d,country\n1,2011-01-06 10:00:00,2,45.5\n");

    Cli.Result result = cli.run("ingest", "customer_orders", "narrow.csv");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Cannot read "
                + dir.resolve("narrow.csv")
                + ": line 2 has 4 fields, but the header has 5; give every line one field per"
                + " header column");
    assertThat(rows(cli)).isEqualTo("3");
  }

  @Test
  void refusesAnEmptyFile() throws Exception {
    Cli cli = Fixtures.applied(dir);
    Fixtures.write(dir, "empty.csv", "");

    Cli.Result result = cli.run("ingest", "customer_orders", "empty.csv");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Cannot read "
                + dir.resolve("empty.csv")
                + ": the file is empty; write a header line naming the group's columns, then one"
                + " row per line");
  }

  @Test
  void saysNothingOfZonesWhenNoTimeIsRead() throws Exception {
    Cli cli = Fixtures.applied(dir);
    Fixtures.write(dir, "header.csv", "customer_id,event_time,orders_30d,spend_30d,country\n");

    Cli.Result result = cli.run("ingest", "customer_orders", "header.csv");

    assertThat(result.exitCode()).isZero();
    assertThat(result.outLinesTimeless())
        .containsExactly("Ingested 0 rows into customer_orders from header.csv in N s.");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void countsOneRowInTheSingular() throws Exception {
    Cli cli = Fixtures.applied(dir);
    Fixtures.write(
        dir, "one.csv", "stock_code,event_time,units_7d\n85123A,2011-01-04T10:00:00Z,12\n");

    Cli.Result result = cli.run("ingest", "item_stats", "one.csv");

    assertThat(result.outLinesTimeless())
        .containsExactly("Ingested 1 row into item_stats from one.csv in N s.");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void describeCountsARewrittenRowTwice() throws Exception {
    Cli cli = Fixtures.ingested(dir);

    cli.run("ingest", "customer_orders", "orders.csv");

    assertThat(cli.run("describe", "customer_orders").outLines())
        .contains("Rows stored: 6 (a key and event time written twice counts twice)");
    assertThat(rows(cli)).isEqualTo("3");
  }

  private static String rows(Cli cli) {
    return cli.run("sql", "SELECT count(*) AS n FROM features.customer_orders").outLines().get(2);
  }
}
