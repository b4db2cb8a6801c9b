package dev.soko.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaterializeCommandTest {

  @TempDir Path dir;

  @Test
  void refillsAnOnlineCopyThatLostAndChangedKeys() throws Exception {
    Cli cli = Fixtures.ingested(dir);
    assertThat(cli.run("online", "enable", "item_stats").exitCode()).isZero();
    // A real fault, made with a plain DuckDB connection while no command holds the store: one
    // key is lost and another gets a value the offline history never had.
    Properties settings = new Properties();
    settings.setProperty("autoinstall_known_extensions", "false");
    settings.setProperty("autoload_known_extensions", "false");
    try (Connection duckdb =
            DriverManager.getConnection(
                "jdbc:duckdb:" + dir.resolve(".soko/soko.duckdb"), settings);
        Statement statement = duckdb.createStatement()) {
      statement.execute("DELETE FROM online.item_stats_v1 WHERE stock_code = '22423'");
      statement.execute("UPDATE online.item_stats_v1 SET units_7d = 999");
    }

    Cli.Result materialize = cli.run("materialize", "item_stats");
    Cli.Result get = cli.run("get", "item_stats", "85123A", "22423");

    assertThat(materialize.exitCode()).as(materialize.err()).isZero();
    assertThat(materialize.outLinesTimeless())
        .containsExactly(
            "Materialized item_stats online: 2 keys loaded from the offline history in N s.");
    assertThat(get.outLines())
        .containsExactly(
            "stock_code | event_time           | units_7d",
            "-----------+----------------------+---------",
            "85123A     | 2011-01-04T10:00:00Z |       12",
            "22423      | 2011-01-04T10:00:00Z |     null",
            "2 of 2 keys found.");
    assertThat(cli.run("materialize", "item_stats").outLinesTimeless())
        .containsExactly(
            "Materialized item_stats online: 2 keys loaded from the offline history in N s.");
  }

  // Regression: materialize dropped the online copy before reading the offline history, so a
  // failing read left the group online with no values at all. The local store now replaces the
  // copy in one transaction.
  @Test
  void keepsTheOnlineCopyWhenTheOfflineReadFails() throws Exception {
    Cli cli = Fixtures.ingested(dir);
    assertThat(cli.run("online", "enable", "item_stats").exitCode()).isZero();
    // A real fault, made with a plain DuckDB connection: the offline table loses a column.
    execute("ALTER TABLE offline.item_stats_v1 RENAME COLUMN units_7d TO units");

    Cli.Result failed = cli.run("materialize", "item_stats");
    Cli.Result get = cli.run("get", "item_stats", "85123A");

    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.errLines()).hasSize(1);
    assertThat(failed.errLines().get(0))
        .startsWith(
            "Error: Cannot materialize group 'item_stats' online: reading the offline store"
                + " failed: Cannot query "
                + dir.resolve(".soko/soko.duckdb")
                + ": Binder Error: ");
    assertThat(get.outLines())
        .containsExactly(
            "stock_code | event_time           | units_7d",
            "-----------+----------------------+---------",
            "85123A     | 2011-01-04T10:00:00Z |       12",
            "1 of 1 key found.");

    execute("ALTER TABLE offline.item_stats_v1 RENAME COLUMN units TO units_7d");
    assertThat(cli.run("materialize", "item_stats").outLinesTimeless())
        .containsExactly(
            "Materialized item_stats online: 2 keys loaded from the offline history in N s.");
  }

  private void execute(String sql) throws Exception {
    Properties settings = new Properties();
    settings.setProperty("autoinstall_known_extensions", "false");
    settings.setProperty("autoload_known_extensions", "false");
    try (Connection duckdb =
            DriverManager.getConnection(
                "jdbc:duckdb:" + dir.resolve(".soko/soko.duckdb"), settings);
        Statement statement = duckdb.createStatement()) {
      statement.execute(sql);
    }
  }

  // Regression: the refusal gave the Java API call as a fix, and the command in backquotes.
  @Test
  void refusesAGroupWhoseOnlineServingIsOff() throws Exception {
    Cli cli = Fixtures.ingested(dir);

    Cli.Result result = cli.run("materialize", "item_stats");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.errLines())
        .containsExactly(
            "Error: Cannot materialize group 'item_stats' online: online serving is off for it;"
                + " turn it on with 'soko online enable item_stats', which materializes it");
    assertThat(cli.run("describe", "item_stats").outLines()).contains("Online:      off");
  }

  @Test
  void refusesAnUnknownGroup() throws Exception {
    Cli cli = Fixtures.applied(dir);

    Cli.Result result = cli.run("materialize", "nope");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Cannot materialize group 'nope': no group of that name was applied; run 'soko"
                + " list' to see the groups, or 'soko apply JAR' to create it");
  }

  @Test
  void needsAGroup() {
    Cli.Result result = new Cli(dir).run("materialize");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Missing required parameter: 'GROUP'. Run 'soko materialize --help' for"
                + " usage.");
  }
}
