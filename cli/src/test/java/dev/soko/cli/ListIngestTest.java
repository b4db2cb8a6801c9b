package dev.soko.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingesting list columns: an element that does not fit the element type refuses the whole value, as
 * a scalar value does, instead of being read as a null element or rounded.
 */
class ListIngestTest {

  private static final String ITEM_COUNTS =
      """
      import dev.soko.annotations.EventTime;
      import dev.soko.annotations.FeatureGroup;
      import dev.soko.annotations.Key;
      import java.time.Instant;
      import java.util.List;

      @FeatureGroup(name = "item_counts", owner = "merch", description = "Item counts.")
      public record ItemCounts(
          @Key String stockCode, @EventTime Instant eventTime, List<Long> counts, float[] vector) {}
      """;

  private static final String HEADER = "stock_code,event_time,counts,vector\n";
  private static final String GOOD_LINE = "85123A,2011-01-04T10:00:00Z,\"[1, 2]\",\"[0.5]\"\n";

  @TempDir Path dir;

  @Test
  void listsWithNullElementsAndFittingValuesAreIngested() throws Exception {
    Cli cli = applied();
    Fixtures.write(
        dir,
        "counts.csv",
        HEADER + GOOD_LINE + "22423,2011-01-04T10:00:00Z,\"[1, NULL, -3]\",\"[0.25, 2]\"\n");

    Cli.Result result = cli.run("ingest", "item_counts", "counts.csv");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(
            cli.run("sql", "SELECT stock_code, counts, vector FROM features.item_counts ORDER BY 1")
                .outLines())
        .containsExactly(
            "stock_code | counts        | vector",
            "-----------+---------------+------------",
            "22423      | [1, null, -3] | [0.25, 2.0]",
            "85123A     | [1, 2]        | [0.5]",
            "(2 rows)");
  }

  @Test
  void refusesAWordInAListOfLongsAndWritesNothing() throws Exception {
    // A cast of the text to BIGINT[] used to turn the word into a null element, silently.
    assertRefused(
        "22423,2011-01-04T10:00:00Z,\"[1, x]\",\"[0.5]\"\n",
        "counts",
        "'[1, x]' is not a long_list");
  }

  @Test
  void refusesAFractionInAListOfLongsAndWritesNothing() throws Exception {
    // A cast of the text to BIGINT[] used to round 2.7 to 3, silently.
    assertRefused(
        "22423,2011-01-04T10:00:00Z,\"[1, 2.7]\",\"[0.5]\"\n",
        "counts",
        "'[1, 2.7]' is not a long_list");
  }

  @Test
  void refusesAWordInAFloatArrayAndWritesNothing() throws Exception {
    assertRefused(
        "22423,2011-01-04T10:00:00Z,\"[1]\",\"[0.5, abc]\"\n",
        "vector",
        "'[0.5, abc]' is not a float_array");
  }

  @Test
  void refusesAFractionInAParquetListOfLongsNamingItsRow() throws Exception {
    Cli cli = applied();
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      statement.execute(
          "COPY (SELECT * FROM (VALUES ('85123A', TIMESTAMPTZ '2011-01-04 10:00:00+00',"
              + " [1.0, 2.0], [0.5]), ('22423', TIMESTAMPTZ '2011-01-04 10:00:00+00',"
              + " [1.0, 2.5], [0.5])) t(stock_code, event_time, counts, vector)) TO '"
              + dir.resolve("counts.parquet")
              + "' (FORMAT parquet)");
    }

    Cli.Result result = cli.run("ingest", "item_counts", "counts.parquet");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Cannot read "
                + dir.resolve("counts.parquet")
                + ": row 2, column counts: '[1.0, 2.5]' is not a long_list, the type of column"
                + " counts of group 'item_counts'; correct the value, or leave it empty for none");
    assertThat(rowsStored(cli))
        .isEqualTo("Rows stored: 0 (a key and event time written twice counts twice)");
  }

  /** Ingests a good line, then a bad one, and checks that the bad line 3 is named. */
  private void assertRefused(String badLine, String column, String problem) throws Exception {
    Cli cli = applied();
    Fixtures.write(dir, "counts.csv", HEADER + GOOD_LINE + badLine);

    Cli.Result result = cli.run("ingest", "item_counts", "counts.csv");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Cannot read "
                + dir.resolve("counts.csv")
                + ": line 3, column "
                + column
                + ": "
                + problem
                + ", the type of column "
                + column
                + " of group 'item_counts'; correct the value, or leave it empty for none");
    assertThat(rowsStored(cli))
        .isEqualTo("Rows stored: 0 (a key and event time written twice counts twice)");
  }

  private static String rowsStored(Cli cli) {
    return cli.run("describe", "item_counts").outLines().stream()
        .filter(line -> line.startsWith("Rows stored:"))
        .findFirst()
        .orElseThrow();
  }

  private Cli applied() throws Exception {
    Path jar = DefinitionJar.compile(dir, "counts", Map.of("ItemCounts", ITEM_COUNTS));
    Cli cli = new Cli(dir);
    Cli.Result apply = cli.run("apply", jar.toString());
    assertThat(apply.exitCode()).as(apply.err()).isZero();
    return cli;
  }
}
