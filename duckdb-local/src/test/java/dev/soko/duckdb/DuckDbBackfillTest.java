package dev.soko.duckdb;

import static dev.soko.contract.StoreFixtures.CLICKS;
import static dev.soko.contract.StoreFixtures.NOW;
import static dev.soko.contract.StoreFixtures.click;
import static dev.soko.contract.StoreFixtures.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soko.FeatureStore;
import dev.soko.SokoException;
import dev.soko.StoreConfig;
import dev.soko.TimeRange;
import dev.soko.contract.BackfillContract;
import dev.soko.contract.StoreFixtures.Click;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DuckDbBackfillTest extends BackfillContract {

  private static final TimeRange RANGE = TimeRange.of(daysAgo(6), daysAgo(3));

  @Override
  protected FeatureStore open(Path dir, Clock clock) {
    return FeatureStore.builder().config(StoreConfig.local(dir)).clock(clock).open();
  }

  @Test
  void backfillKeepsTheRowsItReplacesWithItsOwnTime() throws Exception {
    clock.set(NOW.plus(Duration.ofHours(1)));
    store.backfill(CLICKS, RANGE, List.of(click("u1", daysAgo(5), 50)));
    clock.set(NOW.plus(Duration.ofHours(2)));
    store.backfill(CLICKS, RANGE, List.of(click("u1", daysAgo(5), 51)));
    store.close();

    assertThat(
            query(
                "SELECT user_id, event_time, clicks, _ingested_at, _replaced_at"
                    + " FROM replaced.store_clicks_v1 ORDER BY _replaced_at, event_time"))
        .containsExactly(
            "u1 2024-03-04T00:00Z 6 2024-03-10T00:00Z 2024-03-10T01:00Z",
            "u2 2024-03-05T00:00Z 5 2024-03-10T00:00Z 2024-03-10T01:00Z",
            "u1 2024-03-06T00:00Z 4 2024-03-10T00:00Z 2024-03-10T01:00Z",
            "u1 2024-03-05T00:00Z 50 2024-03-10T01:00Z 2024-03-10T02:00Z");
  }

  @Test
  void rowsEqualToTheStoredOnesStayWithTheirTimeAndARerunChangesNothing() throws Exception {
    List<Click> recomputed =
        List.of(
            click("u1", daysAgo(5), 50), click("u1", daysAgo(4), 4), click("u2", daysAgo(5), 5));
    clock.set(NOW.plus(Duration.ofHours(1)));
    store.backfill(CLICKS, RANGE, recomputed);
    clock.set(NOW.plus(Duration.ofHours(2)));
    store.backfill(CLICKS, RANGE, recomputed);
    store.close();

    assertThat(
            query(
                "SELECT user_id, event_time, clicks, _ingested_at FROM offline.store_clicks_v1"
                    + " ORDER BY event_time, user_id"))
        .containsExactly(
            "u1 2024-02-29T00:00Z 10 2024-03-10T00:00Z",
            "u1 2024-03-05T00:00Z 50 2024-03-10T01:00Z",
            "u2 2024-03-05T00:00Z 5 2024-03-10T00:00Z",
            "u1 2024-03-06T00:00Z 4 2024-03-10T00:00Z",
            "u1 2024-03-07T00:00Z 3 2024-03-10T00:00Z");
    assertThat(
            query(
                "SELECT user_id, event_time, clicks, _ingested_at, _replaced_at"
                    + " FROM replaced.store_clicks_v1"))
        .containsExactly("u1 2024-03-04T00:00Z 6 2024-03-10T00:00Z 2024-03-10T01:00Z");
  }

  @Test
  void olderDuplicatesMoveWhenTheLatestRowStays() throws Exception {
    clock.set(NOW.plus(Duration.ofHours(1)));
    store.write(CLICKS, List.of(click("u2", daysAgo(5), 7)));
    clock.set(NOW.plus(Duration.ofHours(2)));
    store.write(CLICKS, List.of(click("u2", daysAgo(5), 5)));
    clock.set(NOW.plus(Duration.ofHours(3)));
    store.backfill(
        CLICKS, TimeRange.of(daysAgo(5), daysAgo(4)), List.of(click("u2", daysAgo(5), 5)));
    store.close();

    assertThat(
            query(
                "SELECT user_id, clicks, _ingested_at FROM offline.store_clicks_v1"
                    + " WHERE event_time = '2024-03-05 00:00:00+00'"))
        .containsExactly("u2 5 2024-03-10T02:00Z");
    assertThat(
            query(
                "SELECT user_id, clicks, _ingested_at, _replaced_at FROM replaced.store_clicks_v1"
                    + " ORDER BY _ingested_at"))
        .containsExactly(
            "u2 5 2024-03-10T00:00Z 2024-03-10T03:00Z", "u2 7 2024-03-10T01:00Z 2024-03-10T03:00Z");
  }

  // A fault in the middle of the transaction, made with real parts: the table of replaced rows is
  // given a required column that the backfill does not fill, so its copy of the rows fails.
  @Test
  void backfillThatFailsMidwayChangesNothingAndSaysWhy() throws Exception {
    store.backfill(CLICKS, RANGE, List.of(click("u1", daysAgo(5), 50)));
    List<Click> before = store.history(CLICKS, TimeRange.of(daysAgo(365), daysAgo(-365)));
    store.close();
    execute(
        "CREATE TABLE replaced.kept AS SELECT *, 0 AS audit FROM replaced.store_clicks_v1",
        "DROP TABLE replaced.store_clicks_v1",
        "ALTER TABLE replaced.kept RENAME TO store_clicks_v1",
        "ALTER TABLE replaced.store_clicks_v1 ALTER COLUMN audit SET NOT NULL");
    store = open(dir, clock);

    assertThatThrownBy(() -> store.backfill(CLICKS, RANGE, List.of(click("u1", daysAgo(5), 51))))
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot backfill group 'store_clicks' in "
                + dir.resolve(".soko/soko.duckdb")
                + ": Constraint Error: NOT NULL constraint failed: store_clicks_v1.audit; nothing"
                + " was changed");
    assertThat(store.history(CLICKS, TimeRange.of(daysAgo(365), daysAgo(-365)))).isEqualTo(before);
    store.close();
    assertThat(query("SELECT count(*) FROM replaced.store_clicks_v1")).containsExactly("3");
  }

  private void execute(String... statements) throws Exception {
    try (Connection connection =
            DriverManager.getConnection("jdbc:duckdb:" + dir.resolve(".soko/soko.duckdb"));
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  @Test
  void rejectedBackfillKeepsNoReplacedRows() throws Exception {
    assertThatThrownBy(() -> store.backfill(CLICKS, RANGE, List.of(click("u1", daysAgo(1), 50))))
        .isInstanceOf(SokoException.class);
    store.close();

    assertThat(query("SELECT count(*) FROM replaced.store_clicks_v1")).containsExactly("0");
  }

  /** Returns each row of a query on the closed store's file, values joined by spaces. */
  private List<String> query(String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection connection =
            DriverManager.getConnection("jdbc:duckdb:" + dir.resolve(".soko/soko.duckdb"));
        Statement statement = connection.createStatement()) {
      statement.execute("SET TimeZone = 'UTC'");
      try (ResultSet result = statement.executeQuery(sql)) {
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          List<String> values = new ArrayList<>();
          for (int i = 1; i <= columns; i++) {
            Object value = result.getObject(i);
            values.add(
                value instanceof OffsetDateTime time
                    ? time.toInstant().atOffset(ZoneOffset.UTC).toString()
                    : String.valueOf(value));
          }

          rows.add(String.join(" ", values));
        }
      }
    }

    return rows;
  }
}
