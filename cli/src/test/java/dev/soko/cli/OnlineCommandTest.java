package dev.soko.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnlineCommandTest {

  @TempDir Path dir;

  @Test
  void enableThenGetThenDisable() throws Exception {
    Cli cli = Fixtures.ingested(dir);

    Cli.Result enable = cli.run("online", "enable", "item_stats");
    Cli.Result get = cli.run("get", "item_stats", "85123A", "nope", "22423");
    Cli.Result disable = cli.run("online", "disable", "item_stats");
    Cli.Result getAfter = cli.run("get", "item_stats", "85123A");

    assertThat(enable.exitCode()).isZero();
    assertThat(enable.outLinesTimeless())
        .containsExactly("Online serving is on for item_stats: 2 keys loaded in N s.");
    assertThat(get.exitCode()).isZero();
    assertThat(get.outLines())
        .containsExactly(
            "stock_code | event_time           | units_7d",
            "-----------+----------------------+---------",
            "85123A     | 2011-01-04T10:00:00Z |       12",
            "22423      | 2011-01-04T10:00:00Z |     null",
            "No online value for key nope.",
            "2 of 3 keys found.");
    assertThat(disable.outLines())
        .containsExactly("Online serving is off for item_stats; its online values are deleted.");
    assertThat(getAfter.exitCode()).isEqualTo(1);
    assertThat(getAfter.errLines())
        .containsExactly(
            "Error: Cannot read online values of group 'item_stats': online serving is off for it;"
                + " turn it on with 'soko online enable item_stats'");
    assertThat(cli.run("describe", "item_stats").outLines()).contains("Online:      off");
  }

  // Regression: the keys without a value were listed on one line, separated by commas, which read
  // as one composite key.
  @Test
  void namesEachKeyWithoutAValueOnALineOfItsOwn() throws Exception {
    Cli cli = Fixtures.ingested(dir);
    cli.run("online", "enable", "item_stats");

    Cli.Result none = cli.run("get", "item_stats", "17850", "13047");
    Cli.Result one = cli.run("get", "item_stats", "85123A");

    assertThat(none.exitCode()).isZero();
    assertThat(none.outLines())
        .containsExactly(
            "No online value for key 17850.",
            "No online value for key 13047.",
            "0 of 2 keys found.");
    assertThat(one.outLines()).endsWith("1 of 1 key found.");
  }

  @Test
  void namesACompositeKeyWithoutAValueByItsParts() throws Exception {
    Cli cli = new Cli(dir);
    Path jar =
        DefinitionJar.compile(
            dir,
            "articles",
            Map.of(
                "ArticleStats",
                """
                import dev.soko.annotations.EventTime;
                import dev.soko.annotations.FeatureGroup;
                import dev.soko.annotations.Key;
                import java.time.Instant;

                @FeatureGroup(name = "article_stats", owner = "news")
                public record ArticleStats(
                    @Key long articleId, @Key String language, @EventTime Instant eventTime,
                    Long clicks) {}
                """));
    assertThat(cli.run("apply", jar.toString()).exitCode()).isZero();
    Fixtures.write(
        dir,
        "articles.csv",
        "article_id,language,event_time,clicks\n42,en,2011-01-04T10:00:00Z,3\n");
    assertThat(cli.run("ingest", "article_stats", "articles.csv").exitCode()).isZero();
    assertThat(cli.run("online", "enable", "article_stats").exitCode()).isZero();

    Cli.Result get = cli.run("get", "article_stats", "42,en", "42,fr", "7,en");

    assertThat(get.exitCode()).as(get.err()).isZero();
    assertThat(get.outLines())
        .containsExactly(
            "article_id | language | event_time           | clicks",
            "-----------+----------+----------------------+-------",
            "        42 | en       | 2011-01-04T10:00:00Z |      3",
            "No online value for key 42,fr.",
            "No online value for key 7,en.",
            "1 of 3 keys found.");
  }

  @Test
  void newWritesGoOnlineWhileOnlineIsOn() throws Exception {
    Cli cli = Fixtures.ingested(dir);
    cli.run("online", "enable", "item_stats");
    Fixtures.write(
        dir, "later.csv", "stock_code,event_time,units_7d\n85123A,2011-01-05T10:00:00Z,7\n");

    Cli.Result ingest = cli.run("ingest", "item_stats", "later.csv");

    assertThat(ingest.outLinesTimeless())
        .containsExactly(
            "Ingested 1 row into item_stats from later.csv in N s; 1 online key updated.");
    assertThat(cli.run("get", "item_stats", "85123A").outLines())
        .contains("85123A     | 2011-01-05T10:00:00Z |        7");
  }

  @Test
  void countsOneKeyInTheSingular() throws Exception {
    Cli cli = Fixtures.applied(dir);
    Fixtures.write(
        dir, "one.csv", "stock_code,event_time,units_7d\n85123A,2011-01-04T10:00:00Z,12\n");
    assertThat(cli.run("ingest", "item_stats", "one.csv").exitCode()).isZero();

    Cli.Result enable = cli.run("online", "enable", "item_stats");
    Cli.Result materialize = cli.run("materialize", "item_stats");

    assertThat(enable.outLinesTimeless())
        .containsExactly("Online serving is on for item_stats: 1 key loaded in N s.");
    assertThat(materialize.outLinesTimeless())
        .containsExactly(
            "Materialized item_stats online: 1 key loaded from the offline history in N s.");
  }

  @Test
  void refusesAnUnknownGroup() throws Exception {
    Cli cli = Fixtures.applied(dir);

    assertThat(cli.run("online", "enable", "nope").errLines())
        .containsExactly(
            "Error: Cannot turn online serving on for group 'nope': no group of that name was"
                + " applied; run 'soko list' to see the groups, or 'soko apply JAR' to create it");
    assertThat(cli.run("get", "nope", "1").errLines())
        .containsExactly(
            "Error: Cannot read online values of group 'nope': no group of that name was applied;"
                + " run 'soko list' to see the groups, or 'soko apply JAR' to create it");
  }

  @Test
  void getNeedsAKey() {
    Cli.Result result = new Cli(dir).run("get", "item_stats");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Missing required parameter: 'KEY'. Run 'soko get --help' for usage.");
  }
}
