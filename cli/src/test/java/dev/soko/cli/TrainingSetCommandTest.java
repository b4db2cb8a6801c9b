package dev.soko.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soko.cli.TrainingSetCommand.FeatureSelection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingSetCommandTest {

  private static final String SPINE =
      """
      customer_id,snapshot_at,label
      017850,2011-01-04 10:00:00,1
      13047,2011-01-04 12:00:00,0
      017850,2011-01-06 00:00:00,1
      """;

  @TempDir Path dir;

  private Cli.Result trainingSet(Cli cli, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of("training-set", "--spine", "spine.csv", "--timestamp-column", "snapshot_at"));
    args.addAll(List.of(more));
    return cli.run(args.toArray(String[]::new));
  }

  private List<String> lines(String file) throws Exception {
    return Files.readAllLines(dir.resolve(file));
  }

  @Test
  void joinsAGroupPointInTimeIntoCsvReadingZoneLessTimesAsUtc() throws Exception {
    Cli cli = Fixtures.ingested(dir);
    Fixtures.write(dir, "spine.csv", SPINE);

    Cli.Result result = trainingSet(cli, "--features", "customer_orders", "--out", "train.csv");

    assertThat(result.exitCode()).isZero();
    assertThat(result.outLinesTimeless())
        .containsExactly("Wrote 3 training rows to train.csv in N s.");
    assertThat(result.errLines())
        .containsExactly("Timestamps without a zone are read as UTC; pass --timezone to change.");
    assertThat(lines("train.csv"))
        .containsExactly(
            "customer_id,snapshot_at,label,customer_orders__orders_30d,customer_orders__spend_30d,"
                + "customer_orders__country",
            "017850,2011-01-04 10:00:00,1,3,45.5,United Kingdom",
            "13047,2011-01-04 12:00:00,0,,,",
            "017850,2011-01-06 00:00:00,1,4,60.25,United Kingdom");
  }

  @Test
  void takesChosenFeaturesStrictlyBeforeInTheGivenZone() throws Exception {
    Cli cli = Fixtures.ingested(dir);
    Fixtures.write(dir, "spine.csv", SPINE);

    Cli.Result strictly =
        trainingSet(
            cli,
            "--features",
            "customer_orders:orders_30d",
            "--strictly-before",
            "--out",
            "strict.csv");
    Cli.Result tokyo =
        trainingSet(
            cli,
            "--features",
            "customer_orders:orders_30d,country",
            "--timezone",
            "Asia/Tokyo",
            "--out",
            "tokyo.csv");

    assertThat(strictly.exitCode()).isZero();
    assertThat(lines("strict.csv"))
        .containsExactly(
            "customer_id,snapshot_at,label,customer_orders__orders_30d",
            "017850,2011-01-04 10:00:00,1,",
            "13047,2011-01-04 12:00:00,0,",
            "017850,2011-01-06 00:00:00,1,4");
    assertThat(tokyo.err()).isEmpty();
    // Tokyo is 9 hours ahead: the first two spine rows fall before any order.
    assertThat(lines("tokyo.csv"))
        .containsExactly(
            "customer_id,snapshot_at,label,customer_orders__orders_30d,customer_orders__country",
            "017850,2011-01-04 10:00:00,1,,",
            "13047,2011-01-04 12:00:00,0,,",
            "017850,2011-01-06 00:00:00,1,4,United Kingdom");
  }

  // Regression: a spine of dates was refused as "holds DATE, not timestamps", although the CLI
  // reads a date given to --from or in an ingested file as its start of day.
  @Test
  void readsSpineDatesAsTheirStartOfDayInTheZone() throws Exception {
    Cli cli = Fixtures.ingested(dir);
    Fixtures.write(
        dir, "spine.csv", "customer_id,snapshot_at\n017850,2011-01-05\n017850,2011-01-06\n");

    Cli.Result utc =
        trainingSet(cli, "--features", "customer_orders:orders_30d", "--out", "utc.csv");
    Cli.Result honolulu =
        trainingSet(
            cli,
            "--features",
            "customer_orders:orders_30d",
            "--timezone",
            "Pacific/Honolulu",
            "--out",
            "honolulu.csv");

    assertThat(utc.exitCode()).as(utc.err()).isZero();
    assertThat(utc.errLines())
        .containsExactly("Timestamps without a zone are read as UTC; pass --timezone to change.");
    assertThat(lines("utc.csv"))
        .containsExactly(
            "customer_id,snapshot_at,customer_orders__orders_30d",
            "017850,2011-01-05,3",
            "017850,2011-01-06,4");
    assertThat(honolulu.exitCode()).as(honolulu.err()).isZero();
    // 2011-01-05 in Honolulu starts at 10:00 UTC, after that day's order of 09:00 UTC.
    assertThat(lines("honolulu.csv"))
        .containsExactly(
            "customer_id,snapshot_at,customer_orders__orders_30d",
            "017850,2011-01-05,4",
            "017850,2011-01-06,4");
  }

  // Regression: a spine column mixing dates and date-times was refused as "holds VARCHAR, not
  // timestamps", although each form alone is read.
  @Test
  void readsASpineThatMixesDatesAndTimes() throws Exception {
    Cli cli = Fixtures.ingested(dir);
    Fixtures.write(
        dir,
        "spine.csv",
        "customer_id,snapshot_at\n017850,2011-01-05\n017850,2011-01-05 12:00:00\n");

    Cli.Result utc =
        trainingSet(cli, "--features", "customer_orders:orders_30d", "--out", "utc.csv");
    Cli.Result honolulu =
        trainingSet(
            cli,
            "--features",
            "customer_orders:orders_30d",
            "--timezone",
            "Pacific/Honolulu",
            "--out",
            "honolulu.csv");

    assertThat(utc.exitCode()).as(utc.err()).isZero();
    assertThat(utc.errLines())
        .containsExactly("Timestamps without a zone are read as UTC; pass --timezone to change.");
    assertThat(lines("utc.csv"))
        .containsExactly(
            "customer_id,snapshot_at,customer_orders__orders_30d",
            "017850,2011-01-05 00:00:00,3",
            "017850,2011-01-05 12:00:00,4");
    assertThat(honolulu.exitCode()).as(honolulu.err()).isZero();
    assertThat(honolulu.err()).isEmpty();
    // 2011-01-05 in Honolulu starts at 10:00 UTC, after that day's order of 09:00 UTC.
    assertThat(lines("honolulu.csv"))
        .containsExactly(
            "customer_id,snapshot_at,customer_orders__orders_30d",
            "017850,2011-01-05 00:00:00,4",
            "017850,2011-01-05 12:00:00,4");
  }

  @Test
  void asKnownAtIgnoresRowsIngestedAfterTheSpineTime() throws Exception {
    Cli cli = Fixtures.ingested(dir);
    Fixtures.write(dir, "spine.csv", SPINE);

    Cli.Result result =
        trainingSet(
            cli, "--features", "customer_orders:orders_30d", "--as-known-at", "--out", "known.csv");

    // The rows were ingested today, long after the 2011 spine times.
    assertThat(result.exitCode()).isZero();
    assertThat(lines("known.csv"))
        .containsExactly(
            "customer_id,snapshot_at,label,customer_orders__orders_30d",
            "017850,2011-01-04 10:00:00,1,",
            "13047,2011-01-04 12:00:00,0,",
            "017850,2011-01-06 00:00:00,1,");
  }

  @Test
  void writesParquetFromAParquetSpine() throws Exception {
    Cli cli = Fixtures.ingested(dir);
    Fixtures.write(dir, "spine.csv", SPINE);
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      statement.execute(
          "COPY (SELECT * FROM read_csv('"
              + dir.resolve("spine.csv")
              + "', types = {'customer_id': 'VARCHAR'})) TO '"
              + dir.resolve("spine.parquet")
              + "' (FORMAT parquet)");
    }

    Cli.Result result =
        cli.run(
            "training-set",
            "--spine",
            "spine.parquet",
            "--timestamp-column",
            "snapshot_at",
            "--features",
            "customer_orders:spend_30d",
            "--out",
            "train.parquet");

    assertThat(result.outLinesTimeless())
        .containsExactly("Wrote 3 training rows to train.parquet in N s.");
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT customer_id, customer_orders__spend_30d FROM '"
                    + dir.resolve("train.parquet")
                    + "'")) {
      List<String> values = new ArrayList<>();
      while (rows.next()) {
        values.add(rows.getString(1) + "=" + rows.getObject(2));
      }

      assertThat(values).containsExactly("017850=45.5", "13047=null", "017850=60.25");
    }
  }

  // Regression: a training set of one row was reported as "1 training rows".
  @Test
  void countsOneTrainingRowInTheSingular() throws Exception {
    Cli cli = Fixtures.ingested(dir);
    Fixtures.write(dir, "spine.csv", "customer_id,snapshot_at\n017850,2011-01-04T10:00:00Z\n");

    Cli.Result result = trainingSet(cli, "--features", "customer_orders", "--out", "one.csv");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.outLinesTimeless())
        .containsExactly("Wrote 1 training row to one.csv in N s.");
  }

  // Regression: --out naming the spine file overwrote the spine with the training set.
  @Test
  void refusesToWriteOverTheSpine() throws Exception {
    Cli cli = Fixtures.ingested(dir);
    Fixtures.write(dir, "spine.csv", SPINE);
    Files.createSymbolicLink(dir.resolve("link.csv"), dir.resolve("spine.csv"));

    Cli.Result same = trainingSet(cli, "--features", "customer_orders", "--out", "spine.csv");
    Cli.Result linked = trainingSet(cli, "--features", "customer_orders", "--out", "./link.csv");

    assertThat(same.exitCode()).isEqualTo(1);
    assertThat(same.errLines())
        .containsExactly(
            "Error: Cannot write --out "
                + dir.resolve("spine.csv")
                + ": it is the spine file given to --spine, which the training set would"
                + " overwrite; pass another file to --out");
    assertThat(linked.errLines())
        .containsExactly(
            "Error: Cannot write --out "
                + dir.resolve("link.csv")
                + ": it is the spine file given to --spine, which the training set would"
                + " overwrite; pass another file to --out");
    assertThat(Files.readString(dir.resolve("spine.csv"))).isEqualTo(SPINE);
  }

  // Regression: in a store without groups, the refusal listed them as "its groups are []".
  @Test
  void saysAStoreWithoutGroupsHasNone() throws Exception {
    Cli cli = new Cli(dir);
    assertThat(cli.run("init").exitCode()).isZero();
    Fixtures.write(dir, "spine.csv", SPINE);

    Cli.Result result = trainingSet(cli, "--features", "customer_orders", "--out", "t.csv");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Cannot build training set: the store has no groups; apply your definitions"
                + " first with 'soko apply JAR'");
    assertThat(dir.resolve("t.csv")).doesNotExist();
  }

  @Test
  void refusesAnUnknownGroupOrFeature() throws Exception {
    Cli cli = Fixtures.applied(dir);
    Fixtures.write(dir, "spine.csv", SPINE);

    Cli.Result group = trainingSet(cli, "--features", "orders", "--out", "t.csv");
    Cli.Result feature =
        trainingSet(cli, "--features", "customer_orders:orders_7d", "--out", "t.csv");

    assertThat(group.exitCode()).isEqualTo(1);
    assertThat(group.errLines())
        .containsExactly(
            "Error: Cannot build training set: no group named 'orders' was applied to this store;"
                + " its groups are [customer_orders, item_stats]");
    assertThat(feature.errLines())
        .containsExactly(
            "Error: Cannot build training set: group 'customer_orders' version 1 in this store has"
                + " no feature 'orders_7d'; its features are [orders_30d, spend_30d, country]");
    assertThat(dir.resolve("t.csv")).doesNotExist();
  }

  @Test
  void refusesASpineWithoutTheTimestampColumn() throws Exception {
    Cli cli = Fixtures.applied(dir);
    Fixtures.write(dir, "spine.csv", SPINE);

    Cli.Result result =
        cli.run(
            "training-set",
            "--spine",
            "spine.csv",
            "--timestamp-column",
            "at",
            "--features",
            "customer_orders",
            "--out",
            "t.csv");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Cannot build training set: the spine "
                + dir.resolve("spine.csv")
                + " has no column 'at' (its columns are customer_id, snapshot_at, label); pass the"
                + " name of its timestamp column to --timestamp-column");
  }

  // Regression: the note on zone-less times was printed before the spine's timestamp column was
  // found to hold no times at all, and before a refusal for a missing key column.
  @Test
  void saysNothingOfZonesWhenTheSpineIsRefused() throws Exception {
    Cli cli = Fixtures.ingested(dir);
    Fixtures.write(dir, "spine.csv", SPINE);

    Cli.Result result =
        cli.run(
            "training-set",
            "--spine",
            "spine.csv",
            "--timestamp-column",
            "customer_id",
            "--features",
            "customer_orders",
            "--out",
            "t.csv");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Cannot build training set: spine column 'customer_id' holds '017850' in spine"
                + " row 1 (counting from 1), which is not a time; write times as 2024-03-01"
                + " 10:00:00, with an offset (2024-03-01T10:00:00+02:00) or without one (then give"
                + " the zone), or as dates (2024-03-01)");
    assertThat(dir.resolve("t.csv")).doesNotExist();
  }

  @Test
  void refusesASpineWhoseTimestampsAreAllEmpty() throws Exception {
    Cli cli = Fixtures.applied(dir);
    Fixtures.write(dir, "spine.csv", "customer_id,snapshot_at\n017850,\n13047,\n");

    Cli.Result result = trainingSet(cli, "--features", "customer_orders", "--out", "t.csv");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Cannot build training set: spine column 'snapshot_at' of "
                + dir.resolve("spine.csv")
                + " holds no timestamps (it is empty in every row); fill it in, or pass another"
                + " column to --timestamp-column");
    assertThat(dir.resolve("t.csv")).doesNotExist();
  }

  @Test
  void refusesASpineWithoutRows() throws Exception {
    Cli cli = Fixtures.applied(dir);
    Fixtures.write(dir, "spine.csv", "customer_id,snapshot_at\n");

    Cli.Result result = trainingSet(cli, "--features", "customer_orders", "--out", "t.csv");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Cannot build training set: the spine "
                + dir.resolve("spine.csv")
                + " has no rows, and a training set has one row per spine row; give a spine with"
                + " rows");
    assertThat(dir.resolve("t.csv")).doesNotExist();
  }

  @Test
  void readsAKeyFromASpineColumnOfAnotherName() throws Exception {
    Cli cli = Fixtures.ingested(dir);
    Fixtures.write(dir, "spine.csv", SPINE.replace("customer_id,", "buyer,"));

    Cli.Result result =
        trainingSet(
            cli,
            "--features",
            "customer_orders:orders_30d",
            "--key",
            "customer_orders:customer_id=buyer",
            "--out",
            "train.csv");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(lines("train.csv"))
        .containsExactly(
            "buyer,snapshot_at,label,customer_orders__orders_30d",
            "017850,2011-01-04 10:00:00,1,3",
            "13047,2011-01-04 12:00:00,0,",
            "017850,2011-01-06 00:00:00,1,4");
  }

  // Regression: a spine with a column named as a feature column, such as an earlier training set,
  // was refused with "give the join an alias", which the command line had no way to do.
  @Test
  void refusesASpineColumnNamedAsAFeatureColumnInAnotherCase() throws Exception {
    Cli cli = Fixtures.ingested(dir);
    Fixtures.write(
        dir,
        "spine.csv",
        "customer_id,snapshot_at,Customer_Orders__Orders_30d\n017850,2011-01-05 10:00:00,3\n");

    Cli.Result clash =
        trainingSet(cli, "--features", "customer_orders:orders_30d", "--out", "t.csv");

    assertThat(clash.exitCode()).isEqualTo(1);
    assertThat(clash.errLines())
        .containsExactly(
            "Error: Cannot build training set: feature column 'customer_orders__orders_30d' has"
                + " the name of a column of the spine "
                + dir.resolve("spine.csv")
                + "; name the join with --features ALIAS=customer_orders:orders_30d, whose"
                + " columns are then ALIAS__<feature>, or rename the spine column");
    assertThat(dir.resolve("t.csv")).doesNotExist();
  }

  @Test
  void namesAJoinWithAnAliasWhenTheSpineHasAColumnOfItsName() throws Exception {
    Cli cli = Fixtures.ingested(dir);
    Fixtures.write(
        dir,
        "spine.csv",
        "customer_id,snapshot_at,customer_orders__orders_30d\n017850,2011-01-05 10:00:00,3\n");

    Cli.Result clash =
        trainingSet(cli, "--features", "customer_orders:orders_30d", "--out", "t.csv");
    Cli.Result aliased =
        trainingSet(cli, "--features", "now=customer_orders:orders_30d", "--out", "t.csv");

    assertThat(clash.exitCode()).isEqualTo(1);
    assertThat(clash.errLines())
        .containsExactly(
            "Error: Cannot build training set: feature column 'customer_orders__orders_30d' has"
                + " the name of a column of the spine "
                + dir.resolve("spine.csv")
                + "; name the join with --features ALIAS=customer_orders:orders_30d, whose"
                + " columns are then ALIAS__<feature>, or rename the spine column");
    assertThat(aliased.exitCode()).as(aliased.err()).isZero();
    assertThat(lines("t.csv"))
        .containsExactly(
            "customer_id,snapshot_at,customer_orders__orders_30d,now__orders_30d",
            "017850,2011-01-05 10:00:00,3,4");
  }

  @Test
  void joinsOneGroupTwiceUnderTwoAliases() throws Exception {
    Cli cli = Fixtures.ingested(dir);
    Fixtures.write(
        dir, "spine.csv", "customer_id,referrer,snapshot_at\n13047,017850,2011-01-05 10:00:00\n");

    Cli.Result result =
        trainingSet(
            cli,
            "--features",
            "buyer=customer_orders:orders_30d",
            "--features",
            "referrer=customer_orders:orders_30d,country",
            "--key",
            "referrer:customer_id=referrer",
            "--out",
            "t.csv");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(lines("t.csv"))
        .containsExactly(
            "customer_id,referrer,snapshot_at,buyer__orders_30d,referrer__orders_30d,"
                + "referrer__country",
            "13047,017850,2011-01-05 10:00:00,1,4,United Kingdom");
  }

  @Test
  void refusesAnAliasOfTwoGroupsOrAKeyOfAnAliasedGroupByItsName() throws Exception {
    Fixtures.write(dir, "spine.csv", SPINE);
    Cli cli = new Cli(dir);

    Cli.Result twice =
        trainingSet(
            cli, "--features", "a=customer_orders", "--features", "a=item_stats", "--out", "t.csv");
    Cli.Result shadowing =
        trainingSet(
            cli,
            "--features",
            "customer_orders",
            "--features",
            "customer_orders=item_stats",
            "--out",
            "t.csv");
    Cli.Result byName =
        trainingSet(
            cli,
            "--features",
            "buyer=customer_orders",
            "--key",
            "customer_orders:customer_id=b",
            "--out",
            "t.csv");

    assertThat(twice.errLines())
        .containsExactly(
            "Error: Cannot read --features 'a=item_stats': 'a' already names the join of group"
                + " 'customer_orders'; give each join its own alias");
    assertThat(shadowing.errLines())
        .containsExactly(
            "Error: Cannot read --features 'customer_orders=item_stats': 'customer_orders' already"
                + " names the join of group 'customer_orders'; give each join its own alias");
    assertThat(byName.errLines())
        .containsExactly(
            "Error: Cannot read --key 'customer_orders:customer_id=b': group 'customer_orders' is"
                + " joined as 'buyer'; write --key buyer:customer_id=b");
    assertThat(dir.resolve(".soko")).doesNotExist();
  }

  @Test
  void refusesASpineWithoutAKeyColumnNamingTheFix() throws Exception {
    Cli cli = Fixtures.applied(dir);
    Fixtures.write(dir, "spine.csv", SPINE.replace("customer_id,", "buyer,"));

    Cli.Result result = trainingSet(cli, "--features", "customer_orders", "--out", "t.csv");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Cannot build training set: the spine "
                + dir.resolve("spine.csv")
                + " has no column 'customer_id' for key 'customer_id' of group 'customer_orders'"
                + " (its columns are buyer, snapshot_at, label); rename the spine column that"
                + " holds it to 'customer_id', or name that column with --key"
                + " customer_orders:customer_id=COLUMN");
    assertThat(dir.resolve("t.csv")).doesNotExist();
  }

  @Test
  void refusesAKeyMappedToAColumnTheSpineLacksNamingTheMapping() throws Exception {
    Cli cli = Fixtures.applied(dir);
    Fixtures.write(dir, "spine.csv", SPINE.replace("customer_id,", "buyer,"));

    Cli.Result result =
        trainingSet(
            cli,
            "--features",
            "b=customer_orders",
            "--key",
            "b:customer_id=nocol",
            "--out",
            "t.csv");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Cannot build training set: the column 'nocol' named by --key"
                + " b:customer_id=nocol is not in the spine "
                + dir.resolve("spine.csv")
                + " (its columns are buyer, snapshot_at, label); check the name");
    assertThat(dir.resolve("t.csv")).doesNotExist();
  }

  @Test
  void refusesAMalformedOrUnjoinedKeyMapping() throws Exception {
    Fixtures.write(dir, "spine.csv", SPINE);
    Cli cli = new Cli(dir);

    Cli.Result malformed =
        trainingSet(cli, "--features", "customer_orders", "--key", "customer_id", "--out", "t.csv");
    Cli.Result noColumn =
        trainingSet(
            cli, "--features", "b=customer_orders", "--key", "b:customer_id", "--out", "t.csv");
    Cli.Result unjoined =
        trainingSet(
            cli,
            "--features",
            "item_stats",
            "--key",
            "customer_orders:customer_id=b",
            "--out",
            "t.csv");

    assertThat(malformed.errLines())
        .containsExactly(
            "Error: Cannot read --key 'customer_id': write JOIN:KEY=COLUMN, JOIN being the"
                + " join's alias, or its group if it has none, such as"
                + " customer_orders:customer_id=buyer_id");
    assertThat(noColumn.errLines())
        .containsExactly(
            "Error: Cannot read --key 'b:customer_id': write JOIN:KEY=COLUMN, JOIN being the"
                + " join's alias, or its group if it has none, such as"
                + " customer_orders:customer_id=buyer_id");
    assertThat(unjoined.errLines())
        .containsExactly(
            "Error: Cannot read --key 'customer_orders:customer_id=b': group 'customer_orders' is"
                + " not joined; add --features customer_orders");
    assertThat(dir.resolve(".soko")).doesNotExist();
  }

  @Test
  void refusesAnOutputInAMissingFolder() throws Exception {
    Cli cli = Fixtures.applied(dir);
    Fixtures.write(dir, "spine.csv", SPINE);

    Cli.Result result =
        trainingSet(cli, "--features", "customer_orders", "--out", "nowhere/train.parquet");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Cannot write --out "
                + dir.resolve("nowhere/train.parquet")
                + ": the folder "
                + dir.resolve("nowhere")
                + " does not exist; create it, or pass a file in an existing folder");
    assertThat(dir.resolve("nowhere")).doesNotExist();
  }

  @Test
  void refusesAnOutputOfAnotherFormat() throws Exception {
    Fixtures.write(dir, "spine.csv", SPINE);

    Cli.Result result =
        trainingSet(new Cli(dir), "--features", "customer_orders", "--out", "train.xlsx");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Cannot write --out "
                + dir.resolve("train.xlsx")
                + ": the file name must end in .csv or .parquet");
  }

  @Test
  void readsFeatureSelections() {
    assertThat(FeatureSelection.parse("customer_activity"))
        .isEqualTo(new FeatureSelection("customer_activity", "customer_activity", List.of()));
    assertThat(FeatureSelection.parse("item_popularity:units_7d, buyers_7d"))
        .isEqualTo(
            new FeatureSelection(
                "item_popularity", "item_popularity", List.of("units_7d", "buyers_7d")));
    assertThat(FeatureSelection.parse("seller = customer_activity:orders_7d"))
        .isEqualTo(new FeatureSelection("seller", "customer_activity", List.of("orders_7d")));
  }

  @Test
  void refusesMalformedFeatureSelections() {
    for (String bad :
        List.of(
            ":units_7d", "item_popularity:", "item_popularity:a,,b", "=item_popularity", "a=")) {
      assertThatThrownBy(() -> FeatureSelection.parse(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "Cannot read --features '"
                  + bad
                  + "': write GROUP, GROUP:FEATURE,FEATURE or ALIAS=GROUP:FEATURE,FEATURE, such as"
                  + " customer_activity:orders_7d");
    }

    assertThatThrownBy(() -> FeatureSelection.parse("Seller=customer_activity"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot read --features 'Seller=customer_activity': the alias 'Seller' is not a valid"
                + " name; use lower case letters, digits and underscores, starting with a letter,"
                + " at most 63 characters, such as seller");
    assertThatThrownBy(() -> FeatureSelection.parse("b=c=customer_activity"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot read --features 'b=c=customer_activity': it has more than one '='; write one"
                + " alias before the group, as ALIAS=GROUP or ALIAS=GROUP:FEATURE,FEATURE, such as"
                + " seller=customer_activity");
    assertThatThrownBy(() -> FeatureSelection.parse("b__x=customer_activity"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot read --features 'b__x=customer_activity': the alias 'b__x' contains '__',"
                + " which separates the alias from the feature in the column names"
                + " ALIAS__<feature>; use an alias without '__', such as seller");
  }

  @Test
  void refusesAMissingSpine() {
    Cli.Result result =
        trainingSet(new Cli(dir), "--features", "customer_orders", "--out", "t.parquet");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Cannot read --spine "
                + dir.resolve("spine.csv")
                + ": no such file; check the path");
  }
}
