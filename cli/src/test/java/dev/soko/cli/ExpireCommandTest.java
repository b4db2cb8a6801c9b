package dev.soko.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpireCommandTest {

  private static final String REPLACED_2 =
      "Replaced:    2 rows that backfills changed or removed, kept for --as-known-at ('soko"
          + " expire' drops them)";

  private static final String REPLACED_0 = REPLACED_2.replace("    2 ", "    0 ");

  @TempDir Path dir;

  /** Returns a store whose customer_orders history was backfilled once, replacing two rows. */
  private Cli backfilled() throws Exception {
    Cli cli = Fixtures.ingested(dir);
    Fixtures.write(
        dir,
        "january4.csv",
        """
        customer_id,event_time,orders_30d,spend_30d,country
        017850,2011-01-04T10:00:00Z,30,450.0,United Kingdom
        """);
    Cli.Result backfill =
        cli.run(
            "backfill",
            "customer_orders",
            "--from",
            "2011-01-04T00:00:00Z",
            "--to",
            "2011-01-05T00:00:00Z",
            "january4.csv");
    assertThat(backfill.exitCode()).as(backfill.err()).isZero();
    return cli;
  }

  @Test
  void dropsTheRowsReplacedBeforeTheTimeAndDescribeCountsThem() throws Exception {
    Cli cli = backfilled();
    String stored = "Rows stored: 2 (a key and event time written twice counts twice)";

    Cli.Result none = cli.run("expire", "customer_orders", "--before", "2000-01-01T00:00:00Z");
    String[] describedBefore =
        cli.run("describe", "customer_orders").outLines().toArray(String[]::new);
    Cli.Result all = cli.run("expire", "customer_orders", "--before", "2999-01-01T00:00:00Z");

    assertThat(none.exitCode()).isZero();
    assertThat(none.outLines())
        .containsExactly(
            "Dropped 0 rows of customer_orders that backfills replaced before"
                + " 2000-01-01T00:00:00Z; 2 such rows kept.");
    assertThat(describedBefore).contains(stored, REPLACED_2);
    assertThat(all.exitCode()).isZero();
    assertThat(all.outLines())
        .containsExactly(
            "Dropped 2 rows of customer_orders that backfills replaced before"
                + " 2999-01-01T00:00:00Z; 0 such rows kept.");
    assertThat(cli.run("describe", "customer_orders").outLines()).contains(stored, REPLACED_0);
  }

  @Test
  void refusesAnUnknownGroupOrAMissingTime() throws Exception {
    Cli cli = backfilled();

    Cli.Result unknown = cli.run("expire", "nope", "--before", "2999-01-01T00:00:00Z");
    Cli.Result noTime = cli.run("expire", "customer_orders");
    Cli.Result zoneLess = cli.run("expire", "nope", "--before", "2999-01-01");

    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.errLines())
        .containsExactly(
            "Error: Cannot expire the replaced rows of group 'nope': no group of that name was"
                + " applied; run 'soko list' to see the groups, or 'soko apply JAR' to create it");
    assertThat(zoneLess.errLines()).containsExactlyElementsOf(unknown.errLines());
    assertThat(noTime.exitCode()).isEqualTo(1);
    assertThat(noTime.errLines())
        .containsExactly(
            "Error: Missing required option: '--before=TIME'. Run 'soko expire --help' for"
                + " usage.");
    assertThat(cli.run("describe", "customer_orders").outLines()).contains(REPLACED_2);
  }
}
