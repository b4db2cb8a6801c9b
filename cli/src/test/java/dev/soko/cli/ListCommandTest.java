package dev.soko.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soko.FeatureStore;
import dev.soko.StoreConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListCommandTest {

  @TempDir Path dir;

  @Test
  void listsAndFiltersGroupsAndDescribesOne() throws Exception {
    Cli cli = Fixtures.ingested(dir);

    Cli.Result all = cli.run("list");
    Cli.Result byTag = cli.run("list", "--tag", "ITEM");
    Cli.Result byOwnerAndText = cli.run("list", "--owner", "growth", "--search", "30 days");
    Cli.Result none = cli.run("list", "--search", "weather");
    Cli.Result describe = cli.run("describe", "customer_orders");

    assertThat(all.outLines())
        .containsExactly(
            "group           | version | online | rows | owner  | tags     | description",
            "----------------+---------+--------+------+--------+----------+----------------------",
            "customer_orders |       1 | off    |    3 | growth | customer | Orders of a customer.",
            "item_stats      |       1 | off    |    2 | merch  | item     | Sales of an item.",
            "2 groups");
    assertThat(byTag.outLines()).hasSize(4).last().isEqualTo("1 group");
    assertThat(byTag.outLines().get(2)).startsWith("item_stats ");
    assertThat(byOwnerAndText.outLines().get(2)).startsWith("customer_orders ");
    assertThat(none.outLines()).containsExactly("No feature group matches.");
    assertThat(describe.exitCode()).isZero();
    assertThat(describe.outLines().subList(0, 13))
        .containsExactly(
            "Group:       customer_orders (version 1)",
            "Description: Orders of a customer.",
            "Owner:       growth",
            "Tags:        customer",
            "Keys:        customer_id (string)",
            "Event time:  event_time",
            "TTL:         P90D",
            "Online:      off",
            "Rows stored: 3 (a key and event time written twice counts twice)",
            "Replaced:    0 rows that backfills changed or removed, kept for --as-known-at ('soko"
                + " expire' drops them)",
            "First event: 2011-01-04T10:00:00Z",
            "Last event:  2011-01-05T09:00:00Z",
            "Last write:  " + describe.outLines().get(12).substring(13));
    assertThat(describe.outLines().get(12)).matches("Last write:  20\\d\\d-.*Z");
    assertThat(describe.outLines().subList(15, describe.outLines().size()))
        .containsExactly(
            "",
            "column      | role       | type      | nullable | description",
            "------------+------------+-----------+----------+----------------------------",
            "customer_id | key        | string    | no       |",
            "event_time  | event time | timestamp | no       |",
            "orders_30d  | feature    | long      | no       | Orders in the last 30 days.",
            "spend_30d   | feature    | double    | yes      |",
            "country     | feature    | string    | yes      |");
  }

  @Test
  void saysHowToStartWhenEmpty() throws Exception {
    FeatureStore.builder().config(StoreConfig.local(dir)).open().close();
    Cli.Result result = new Cli(dir).run("list");

    assertThat(result.exitCode()).isZero();
    assertThat(result.outLines())
        .containsExactly("No feature groups yet: run 'soko apply JAR' to create them.");
  }

  @Test
  void describeRefusesAnUnknownGroupOrVersion() throws Exception {
    Cli cli = Fixtures.applied(dir);

    assertThat(cli.run("describe", "nope").errLines())
        .containsExactly(
            "Error: Cannot describe group 'nope': no group of that name was applied; run 'soko"
                + " list' to see the groups, or 'soko apply JAR' to create it");
    Cli.Result version = cli.run("describe", "item_stats", "--version", "2");
    assertThat(version.exitCode()).isEqualTo(1);
    assertThat(version.errLines())
        .containsExactly(
            "Error: Cannot describe group 'item_stats' version 2: it was never applied; its"
                + " versions are [1]");
  }

  // Regression: a version below 1 was refused as "never applied", as if it could have been.
  @Test
  void describeRefusesAVersionBelowOne() throws Exception {
    Cli cli = Fixtures.applied(dir);

    for (String version : List.of("-1", "0")) {
      Cli.Result result = cli.run("describe", "item_stats", "--version", version);

      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.errLines())
          .containsExactly(
              "Error: --version "
                  + version
                  + " is not a version: versions start at 1; pass 1 or more, or leave --version"
                  + " out for the latest");
    }
  }
}
