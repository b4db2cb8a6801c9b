package dev.soko.duckdb;

import static dev.soko.contract.StoreFixtures.CLICKS;
import static dev.soko.contract.StoreFixtures.EVERYTHING;
import static dev.soko.contract.StoreFixtures.NOW;
import static dev.soko.contract.StoreFixtures.click;
import static dev.soko.contract.StoreFixtures.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soko.ApplyResult;
import dev.soko.EntityKey;
import dev.soko.FeatureStore;
import dev.soko.GroupSpec;
import dev.soko.SokoException;
import dev.soko.StoreConfig;
import dev.soko.TimeRange;
import dev.soko.contract.MutableClock;
import dev.soko.contract.StoreFixtures.Click;
import dev.soko.contract.StoreFixtures.Everything;
import dev.soko.duckdb.internal.DuckDbNames;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local backend's own behaviour: its file, layout, views, configuration and locking. */
class DuckDbBackendTest {

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(NOW);

  private FeatureStore open() {
    return FeatureStore.builder().config(StoreConfig.local(dir)).clock(clock).open();
  }

  @Test
  void plainDuckDbReadsTheFeatureViews() throws Exception {
    try (FeatureStore store = open()) {
      store.apply(CLICKS).orThrow();
      store.write(
          CLICKS,
          List.of(
              click("u1", daysAgo(3), 3),
              click("u1", daysAgo(1), 1),
              click("u2", daysAgo(2), 2),
              click("u2", daysAgo(30), 30)));
      store.write(CLICKS, List.of(click("u1", daysAgo(3), 33)));
    }

    Path file = dir.resolve(".soko/soko.duckdb");
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement statement = connection.createStatement()) {
      assertThat(
              rows(
                  statement,
                  "SELECT user_id, epoch_ms(event_time), clicks FROM features.store_clicks"
                      + " ORDER BY user_id, event_time"))
          .containsExactly(
              "u1 " + daysAgo(3).toEpochMilli() + " 33",
              "u1 " + daysAgo(1).toEpochMilli() + " 1",
              "u2 " + daysAgo(30).toEpochMilli() + " 30",
              "u2 " + daysAgo(2).toEpochMilli() + " 2");
      // The latest view applies the TTL (7 days) against the real time: these rows are from 2024.
      assertThat(rows(statement, "SELECT count(*) FROM features.store_clicks_latest"))
          .containsExactly("0");
      assertThat(
              rows(
                  statement,
                  "SELECT user_id, clicks FROM (SELECT * FROM offline.store_clicks_v1"
                      + " QUALIFY row_number() OVER (PARTITION BY user_id ORDER BY event_time DESC,"
                      + " _ingested_at DESC) = 1) ORDER BY user_id"))
          .containsExactly("u1 1", "u2 2");
    }
  }

  @Test
  void latestViewGivesTheNewestRowPerKeyForAGroupWithoutTtl() throws Exception {
    try (FeatureStore store = open()) {
      store.apply(EVERYTHING).orThrow();
      store.write(
          EVERYTHING,
          List.of(
              everything(1, daysAgo(400), "old"),
              everything(1, daysAgo(300), "new"),
              everything(2, daysAgo(500), "only")));
    }

    try (Connection connection =
            DriverManager.getConnection("jdbc:duckdb:" + dir.resolve(".soko/soko.duckdb"));
        Statement statement = connection.createStatement()) {
      assertThat(
              rows(statement, "SELECT id, label FROM features.store_everything_latest ORDER BY id"))
          .containsExactly("1 new", "2 only");
    }
  }

  @Test
  void offlineTableHasTheGroupColumnsInOrderThenIngestionTime() throws Exception {
    try (FeatureStore store = open()) {
      store.apply(EVERYTHING).orThrow();
    }

    try (Connection connection =
            DriverManager.getConnection("jdbc:duckdb:" + dir.resolve(".soko/soko.duckdb"));
        Statement statement = connection.createStatement()) {
      assertThat(
              rows(
                  statement,
                  "SELECT column_name, data_type FROM information_schema.columns"
                      + " WHERE table_schema = 'offline' AND table_name = 'store_everything_v1'"
                      + " ORDER BY ordinal_position"))
          .containsExactly(
              "id INTEGER",
              "event_time TIMESTAMP WITH TIME ZONE",
              "flag BOOLEAN",
              "count INTEGER",
              "total BIGINT",
              "ratio FLOAT",
              "mean DOUBLE",
              "label VARCHAR",
              "seen_at TIMESTAMP WITH TIME ZONE",
              "day DATE",
              "blob BLOB",
              "embedding FLOAT[]",
              "words VARCHAR[]",
              "counts BIGINT[]",
              "_ingested_at TIMESTAMP WITH TIME ZONE");
    }

    assertThat(DuckDbNames.offlineTable(EVERYTHING.spec()))
        .isEqualTo("offline.\"store_everything_v1\"");
  }

  @Test
  void storeKeepsItsDataAcrossReopeningAndLaterWritesStillWin() {
    try (FeatureStore store = open()) {
      store.apply(CLICKS).orThrow();
      store.write(CLICKS, List.of(click("u1", daysAgo(1), 1)));
    }

    // The clock stands still: the reopened store must still stamp its write as the later one.
    try (FeatureStore store = open()) {
      store.write(CLICKS, List.of(click("u1", daysAgo(1), 2)));

      assertThat(store.history(CLICKS, TimeRange.of(daysAgo(2), NOW)))
          .containsExactly(click("u1", daysAgo(1), 2));
      assertThat(store.describe("store_clicks").stats().rows()).isEqualTo(2);
    }
  }

  @Test
  void storeFileHeldByAnotherProcessGivesAClearError() throws Exception {
    Path file = dir.resolve(".soko/soko.duckdb");
    Files.createDirectories(file.getParent());
    Process holder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                HoldStoreFile.class.getName(),
                file.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("ready");

      assertThatThrownBy(this::open)
          .isInstanceOf(SokoException.class)
          .hasMessage(
              "Cannot open store file "
                  + file
                  + ": it is in use by another process (pid "
                  + holder.pid()
                  + "). Close the other soko process, or point soko.yaml at another file.");
    } finally {
      holder.getOutputStream().close();
      if (!holder.waitFor(30, TimeUnit.SECONDS)) {
        holder.destroyForcibly();
      }
    }
  }

  @Test
  void configurationFileNamesTheStoreFileRelativeToItsFolder() throws Exception {
    Path config = dir.resolve("conf/soko.yaml");
    Files.createDirectories(config.getParent());
    Files.writeString(
        config, "offline:\n  type: duckdb\n  path: data/store.duckdb\nonline:\n  type: duckdb\n");

    try (FeatureStore store = FeatureStore.builder().config(config).clock(clock).open()) {
      store.apply(CLICKS).orThrow();
      store.online(CLICKS).enable();
      store.write(CLICKS, List.of(click("u1", daysAgo(1), 1)));

      assertThat(store.latest(CLICKS, EntityKey.of("u1"))).contains(click("u1", daysAgo(1), 1));
    }

    assertThat(dir.resolve("conf/data/store.duckdb")).isRegularFile();
    assertThat(dir.resolve(".soko")).doesNotExist();
  }

  // Regression: a group named "<other>_latest" took over the view features.<other>_latest, and
  // whichever of the two was applied later won.
  @Test
  void groupWhoseViewNameClashesWithAnotherGroupsViewIsRefusedEitherWay() throws Exception {
    GroupSpec latest = renamed(CLICKS.spec(), "store_clicks_latest");
    try (FeatureStore store = open()) {
      store.apply(CLICKS).orThrow();

      ApplyResult second = store.apply(latest);

      assertThat(second.refused())
          .containsExactly(
              new ApplyResult.Change(
                  "store_clicks_latest",
                  1,
                  ApplyResult.Outcome.REFUSED,
                  "Cannot create group 'store_clicks_latest': its history view"
                      + " features.store_clicks_latest would have the name of the latest-values"
                      + " view of group 'store_clicks' in the local store. Rename one of the two"
                      + " groups."));
      assertThat(store.list())
          .extracting(info -> info.spec().name())
          .containsExactly("store_clicks");
    }

    Files.delete(dir.resolve(".soko/soko.duckdb"));
    try (FeatureStore store = open()) {
      store.apply(latest).orThrow();

      ApplyResult second = store.apply(CLICKS);

      assertThat(second.refused())
          .extracting(ApplyResult.Change::message)
          .containsExactly(
              "Cannot create group 'store_clicks': its latest-values view"
                  + " features.store_clicks_latest would have the name of the history view of"
                  + " group 'store_clicks_latest' in the local store. Rename one of the two"
                  + " groups.");
      assertThat(store.list())
          .extracting(info -> info.spec().name())
          .containsExactly("store_clicks_latest");
    }
  }

  @Test
  void clashingGroupsAppliedTogetherLeaveNothingApplied() {
    try (FeatureStore store = open()) {
      ApplyResult result =
          store.apply(
              renamed(CLICKS.spec(), "store_clicks_latest"), EVERYTHING.spec(), CLICKS.spec());

      assertThat(result.changes())
          .extracting(ApplyResult.Change::outcome)
          .containsExactly(
              ApplyResult.Outcome.REFUSED,
              ApplyResult.Outcome.CREATED,
              ApplyResult.Outcome.REFUSED);
      assertThat(store.list()).isEmpty();
    }
  }

  private static GroupSpec renamed(GroupSpec spec, String name) {
    return new GroupSpec(
        name,
        spec.version(),
        spec.description(),
        spec.owner(),
        spec.tags(),
        spec.ttl(),
        spec.online(),
        spec.keys(),
        spec.eventTime(),
        spec.features());
  }

  @Test
  void failedOnlineWriteSaysTheOfflineWriteSucceededAndHowToRepair() throws Exception {
    try (FeatureStore store = open()) {
      store.apply(CLICKS).orThrow();
      store.online(CLICKS).enable();
      // A real fault: the online table disappears behind the store's back. A connection in the
      // same process with the same settings shares the store's database.
      Properties settings = new Properties();
      settings.setProperty("autoinstall_known_extensions", "false");
      settings.setProperty("autoload_known_extensions", "false");
      try (Connection other =
              DriverManager.getConnection(
                  "jdbc:duckdb:" + dir.resolve(".soko/soko.duckdb"), settings);
          Statement statement = other.createStatement()) {
        statement.execute("DROP TABLE online.store_clicks_v1");
      }

      assertThatThrownBy(() -> store.write(CLICKS, List.of(click("u1", daysAgo(1), 1))))
          .isInstanceOf(SokoException.class)
          .hasMessageStartingWith("Cannot write group 'store_clicks' online: Cannot write group")
          .hasMessageEndingWith(
              ". The offline write of 1 rows succeeded. To repair the online copy, re-materialize"
                  + " it from the offline store: store.online(group).materialize(), or `soko"
                  + " materialize store_clicks`.");
      assertThat(store.describe("store_clicks").stats().rows()).isEqualTo(1);

      assertThat(store.online(CLICKS).materialize()).isEqualTo(1);
      assertThat(store.latest(CLICKS, EntityKey.of("u1"))).contains(click("u1", daysAgo(1), 1));
    }
  }

  @Test
  void storeFileNamedLikeASchemaIsRefused() {
    Path file = dir.resolve("features.duckdb");

    assertThatThrownBy(() -> DuckDbBackend.open(file))
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot open store file "
                + file
                + ": its name must not be one of offline, online, registry, features,"
                + " replaced, the store's schemas. Rename it, such as soko.duckdb.");
    assertThat(file).doesNotExist();
  }

  @Test
  void unknownBackendTypeIsAnErrorListingTheKnownOnes() throws Exception {
    Path config = dir.resolve("soko.yaml");
    Files.writeString(config, "offline:\n  type: duckdbx\n");

    assertThatThrownBy(() -> FeatureStore.open(config))
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot open the offline store: no backend of type 'duckdbx' is on the class path;"
                + " known types: duckdb. Fix 'type' under 'offline' in "
                + config
                + ", or add the backend's jar (such as soko-duckdb).");
  }

  @Test
  void bulkWriteOfManyRowsLandsWhole() {
    List<Click> rows = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      rows.add(click("u" + (i % 1000), daysAgo(1).minus(Duration.ofMinutes(i / 1000)), i));
    }

    try (FeatureStore store = open()) {
      store.apply(CLICKS).orThrow();

      assertThat(store.write(CLICKS, rows).rows()).isEqualTo(20_000);
      assertThat(store.describe("store_clicks").stats().rows()).isEqualTo(20_000);
      assertThat(store.asOf(CLICKS, NOW)).hasSize(1000);
    }
  }

  private static Everything everything(int id, Instant time, String label) {
    return new Everything(
        id, time, false, 0, 0L, 0f, 0.0, label, null, null, null, null, null, null);
  }

  private static List<String> rows(Statement statement, String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> values = new ArrayList<>();
        for (int c = 1; c <= columns; c++) {
          values.add(String.valueOf(result.getObject(c)));
        }

        rows.add(String.join(" ", values));
      }
    }

    return rows;
  }
}
