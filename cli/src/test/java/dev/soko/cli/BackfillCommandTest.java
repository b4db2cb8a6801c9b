package dev.soko.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackfillCommandTest {

  private static final String JANUARY_4 =
      """
      customer_id,event_time,orders_30d,spend_30d,country
      017850,2011-01-04T10:00:00Z,30,450.0,United Kingdom
      """;

  @TempDir Path dir;

  private String history(Cli cli) {
    return String.join(
        "\n",
        cli.run(
                "sql",
                "SELECT customer_id, event_time, orders_30d FROM features.customer_orders"
                    + " ORDER BY event_time, customer_id")
            .outLines());
  }

  @Test
  void replacesTheRangeAndLeavesTheRestTwiceAlike() throws Exception {
    Cli cli = Fixtures.ingested(dir);
    Fixtures.write(dir, "january4.csv", JANUARY_4);

    Cli.Result first =
        cli.run(
            "backfill",
            "customer_orders",
            "--from",
            "2011-01-04T00:00:00Z",
            "--to",
            "2011-01-05T00:00:00Z",
            "january4.csv");
    String afterFirst = history(cli);
    Cli.Result second =
        cli.run(
            "backfill",
            "customer_orders",
            "--from",
            "2011-01-04T00:00:00Z",
            "--to",
            "2011-01-05T00:00:00Z",
            "january4.csv");

    assertThat(first.exitCode()).isZero();
    assertThat(first.err()).isEmpty();
    assertThat(first.outLinesTimeless())
        .containsExactly(
            "Backfilled customer_orders [2011-01-04T00:00:00Z, 2011-01-05T00:00:00Z) with 1 row,"
                + " replacing 2, from january4.csv in N s.");
    assertThat(afterFirst)
        .isEqualTo(
            String.join(
                "\n",
                "customer_id | event_time           | orders_30d",
                "------------+----------------------+-----------",
                "017850      | 2011-01-04T10:00:00Z |         30",
                "017850      | 2011-01-05T09:00:00Z |          4",
                "(2 rows)"));
    assertThat(second.exitCode()).isZero();
    assertThat(second.outLinesTimeless())
        .containsExactly(
            "Backfilled customer_orders [2011-01-04T00:00:00Z, 2011-01-05T00:00:00Z) with 1 row,"
                + " replacing 0, from january4.csv in N s.");
    assertThat(history(cli)).isEqualTo(afterFirst);
  }

  @Test
  void readsZoneLessBoundsAsUtcAndSaysSoOnce() throws Exception {
    Cli cli = Fixtures.ingested(dir);
    Fixtures.write(dir, "january4.csv", JANUARY_4);

    Cli.Result result =
        cli.run(
            "backfill",
            "customer_orders",
            "--from",
            "2011-01-04",
            "--to",
            "2011-01-05",
            "january4.csv");

    assertThat(result.exitCode()).isZero();
    assertThat(result.errLines())
        .containsExactly("Timestamps without a zone are read as UTC; pass --timezone to change.");
    assertThat(result.outLinesTimeless())
        .containsExactly(
            "Backfilled customer_orders [2011-01-04T00:00:00Z, 2011-01-05T00:00:00Z) with 1 row,"
                + " replacing 2, from january4.csv in N s.");
  }

  @Test
  void refusesFromAfterTo() throws Exception {
    Fixtures.write(dir, "january4.csv", JANUARY_4);

    Cli.Result result =
        new Cli(dir)
            .run(
                "backfill",
                "customer_orders",
                "--from",
                "2011-02-01T00:00:00Z",
                "--to",
                "2011-01-01T00:00:00Z",
                "january4.csv");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: --from 2011-02-01T00:00:00Z is not before --to 2011-01-01T00:00:00Z: pass a"
                + " --from earlier than --to (the range is [from, to))");
  }

  @Test
  void refusesFromAfterToWithZoneLessBoundsSayingOnlyWhy() throws Exception {
    Cli cli = Fixtures.applied(dir);
    Fixtures.write(dir, "january4.csv", JANUARY_4);

    Cli.Result result =
        cli.run(
            "backfill",
            "customer_orders",
            "--from",
            "2011-02-01",
            "--to",
            "2011-01-01",
            "january4.csv");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: --from 2011-02-01T00:00:00Z is not before --to 2011-01-01T00:00:00Z: pass a"
                + " --from earlier than --to (the range is [from, to))");
  }

  @Test
  void refusesAMissingFileWithZoneLessBoundsSayingOnlyWhy() throws Exception {
    Cli cli = Fixtures.applied(dir);

    Cli.Result result =
        cli.run(
            "backfill", "customer_orders", "--from", "2011-01-04", "--to", "2011-01-05", "no.csv");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Cannot read " + dir.resolve("no.csv") + ": no such file; check the path");
  }

  @Test
  void refusesWhereThereIsNoStoreWithZoneLessBoundsSayingOnlyWhy() throws Exception {
    Fixtures.write(dir, "january4.csv", JANUARY_4);

    Cli.Result result =
        new Cli(dir)
            .run(
                "backfill",
                "customer_orders",
                "--from",
                "2011-01-04",
                "--to",
                "2011-01-05",
                "january4.csv");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Cannot open the store: there is no store here ("
                + dir.resolve(".soko/soko.duckdb")
                + " does not exist); create it with 'soko init' or 'soko apply JAR', or run in the"
                + " folder that holds it");
  }

  @Test
  void refusesATimeThatIsNoTime() {
    Cli.Result result =
        new Cli(dir)
            .run(
                "backfill",
                "customer_orders",
                "--from",
                "yesterday",
                "--to",
                "2011-01-01",
                "x.csv");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Cannot read --from 'yesterday': write a date (2011-01-31), a local time"
                + " (2011-01-31T08:00) or an instant (2011-01-31T08:00:00Z)");
  }

  @Test
  void refusesMissingBounds() {
    Cli.Result result = new Cli(dir).run("backfill", "customer_orders", "x.csv");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Missing required options: '--from=TIME', '--to=TIME'. Run 'soko backfill"
                + " --help' for usage.");
  }

  @Test
  void refusesARowOutsideTheRangeAndChangesNothing() throws Exception {
    Cli cli = Fixtures.ingested(dir);
    String before = history(cli);

    Cli.Result result =
        cli.run(
            "backfill",
            "customer_orders",
            "--from",
            "2011-01-04T00:00:00Z",
            "--to",
            "2011-01-05T00:00:00Z",
            "--timezone",
            "UTC",
            "orders.csv");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Cannot backfill group 'customer_orders' version 1: row 3 (key 017850) has"
                + " event time 2011-01-05T09:00:00Z, outside the range [2011-01-04T00:00:00Z,"
                + " 2011-01-05T00:00:00Z). Every row of a backfill must lie in its range; nothing"
                + " was written");
    assertThat(history(cli)).isEqualTo(before);
  }

  @Test
  void refusesAFileWithNoRowsUnlessToldToDeleteTheRange() throws Exception {
    Cli cli = Fixtures.ingested(dir);
    Fixtures.write(dir, "none.csv", "customer_id,event_time,orders_30d,spend_30d,country\n");
    String before = history(cli);
    String[] backfill = {
      "backfill",
      "customer_orders",
      "--from",
      "2011-01-04T00:00:00Z",
      "--to",
      "2011-01-05T00:00:00Z",
      "none.csv"
    };

    Cli.Result refused = cli.run(backfill);
    String afterRefused = history(cli);
    Cli.Result allowed = cli.run(append(backfill, "--allow-empty"));

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.errLines())
        .containsExactly(
            "Error: Cannot backfill customer_orders [2011-01-04T00:00:00Z, 2011-01-05T00:00:00Z)"
                + " from none.csv: the file has no rows, and a backfill with none deletes every"
                + " offline row of the range. Pass --allow-empty to delete them, or check the"
                + " file; nothing was changed");
    assertThat(afterRefused).isEqualTo(before);
    assertThat(allowed.exitCode()).isZero();
    assertThat(allowed.outLinesTimeless())
        .containsExactly(
            "Backfilled customer_orders [2011-01-04T00:00:00Z, 2011-01-05T00:00:00Z) with 0 rows,"
                + " replacing 2, from none.csv in N s.");
    assertThat(history(cli))
        .isEqualTo(
            String.join(
                "\n",
                "customer_id | event_time           | orders_30d",
                "------------+----------------------+-----------",
                "017850      | 2011-01-05T09:00:00Z |          4",
                "(1 row)"));
  }

  private static String[] append(String[] args, String arg) {
    String[] all = Arrays.copyOf(args, args.length + 1);
    all[args.length] = arg;
    return all;
  }

  @Test
  void refusesAnUnknownGroup() throws Exception {
    Cli cli = Fixtures.applied(dir);
    Fixtures.write(dir, "january4.csv", JANUARY_4);

    Cli.Result result =
        cli.run("backfill", "nope", "--from", "2011-01-04Z", "--to", "2011-01-05Z", "january4.csv");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Cannot read --from '2011-01-04Z': write a date (2011-01-31), a local time"
                + " (2011-01-31T08:00) or an instant (2011-01-31T08:00:00Z)");
    Cli.Result unknown =
        cli.run(
            "backfill",
            "nope",
            "--from",
            "2011-01-04T00:00Z",
            "--to",
            "2011-01-05T00:00Z",
            "january4.csv");
    assertThat(unknown.errLines())
        .containsExactly(
            "Error: Cannot backfill group 'nope': no group of that name was applied; run 'soko"
                + " list' to see the groups, or 'soko apply JAR' to create it");
  }
}
