package dev.soko.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soko.Column;
import dev.soko.FeatureType;
import dev.soko.GroupSpec;
import dev.soko.SokoException;
import dev.soko.internal.ArrowValues;
import dev.soko.spi.GroupJoin;
import dev.soko.spi.JoinRequest;
import dev.soko.spi.OutputFormat;
import dev.soko.spi.TableSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The DuckDB join engine over offline tables created with plain SQL in the store's layout; the
 * store-level rules are in the contract tests.
 */
class DuckDbJoinEngineTest {

  private static final GroupSpec CLICKS =
      new GroupSpec(
          "clicks",
          1,
          "",
          "",
          List.of(),
          Duration.ofHours(2),
          false,
          List.of(Column.key("user_id", FeatureType.STRING)),
          Column.eventTime("event_time"),
          List.of(Column.feature("total", FeatureType.LONG, true)));

  private static final GroupSpec PAIRS =
      new GroupSpec(
          "pairs",
          1,
          "",
          "",
          List.of(),
          null,
          false,
          List.of(Column.key("a", FeatureType.STRING), Column.key("b", FeatureType.STRING)),
          Column.eventTime("event_time"),
          List.of(Column.feature("score", FeatureType.DOUBLE, true)));

  @TempDir Path dir;
  private Connection connection;
  private BufferAllocator allocator;

  @BeforeEach
  void open() throws Exception {
    connection = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("store.duckdb"));
    allocator = new RootAllocator();
    sql("CREATE SCHEMA offline");
    sql(
        "CREATE TABLE offline.clicks_v1 (user_id VARCHAR, event_time TIMESTAMPTZ, total BIGINT,"
            + " _ingested_at TIMESTAMPTZ)");
    sql(
        "INSERT INTO offline.clicks_v1 VALUES"
            + " ('u1', '2024-03-01 10:00:00+00', 1, '2024-03-01 10:00:00+00'),"
            + " ('u1', '2024-03-01 11:00:00+00', 2, '2024-03-01 11:00:00+00'),"
            + " ('u1', '2024-03-01 11:00:00+00', 3, '2024-03-01 11:30:00+00'),"
            + " ('u1', '2024-03-01 11:00:00+00', 4, '2024-03-01 11:10:00+00'),"
            + " ('007', '2024-03-01 10:00:00+00', 7, '2024-03-01 10:00:00+00')");
    sql(
        "CREATE TABLE offline.pairs_v1 (a VARCHAR, b VARCHAR, event_time TIMESTAMPTZ,"
            + " score DOUBLE, _ingested_at TIMESTAMPTZ)");
    sql(
        "INSERT INTO offline.pairs_v1 VALUES"
            + " ('1', '23', '2024-03-01 10:00:00+00', 0.5, '2024-03-01 10:00:00+00')");
  }

  @AfterEach
  void close() throws Exception {
    allocator.close();
    connection.close();
  }

  @Test
  void joinsTheNewestRowAtOrBeforeEachSpineTimeWithTiesToTheLatestIngested() throws Exception {
    Path spine =
        csv(
            "user_id,shown_at,label",
            "u1,2024-03-01 10:30:00+00,a",
            "u1,2024-03-01 11:00:00+00,b",
            "u1,2024-03-01 09:00:00+00,c",
            "u2,2024-03-01 11:00:00+00,d",
            "u1,2024-03-01 13:30:00+00,e");

    List<List<Object>> rows = join(request(new TableSource.Csv(spine), null, clicks()));

    assertThat(rows)
        .extracting(row -> Arrays.asList(row.get(2), row.get(3)))
        .containsExactly(
            Arrays.asList("a", 1L),
            Arrays.asList("b", 3L),
            Arrays.asList("c", null),
            Arrays.asList("d", null),
            Arrays.asList("e", null));
  }

  @ParameterizedTest
  @EnumSource(DuckDbJoinEngine.Form.class)
  void everyJoinFormGivesTheSameRows(DuckDbJoinEngine.Form form) throws Exception {
    Path spine =
        csv(
            "user_id,shown_at,label",
            "u1,2024-03-01 10:30:00+00,a",
            "u1,2024-03-01 11:00:00+00,b",
            "u1,2024-03-01 13:30:00+00,e",
            "u1,2024-03-01 09:00:00+00,f");
    DuckDbJoinEngine engine = new DuckDbJoinEngine(connection, form);
    GroupJoin group = clicks();
    JoinRequest strict =
        new JoinRequest(new TableSource.Csv(spine), "shown_at", null, List.of(group), true, false);

    List<List<Object>> rows =
        read(engine.join(request(new TableSource.Csv(spine), null, group), allocator));
    List<List<Object>> strictRows = read(engine.join(strict, allocator));

    assertThat(rows).extracting(row -> row.get(3)).containsExactly(1L, 3L, null, null);
    assertThat(strictRows).extracting(row -> row.get(3)).containsExactly(1L, 1L, null, null);
  }

  /**
   * The ASOF form of "as known at" against the range join form, which states the rule directly, on
   * generated rows: many rows per key on a coarse time grid, so that event times, ingestion times
   * and spine times often coincide; ingestion up to an hour before the event or three after; a
   * composite key; spine rows with unknown keys, null keys and duplicates; a group with a TTL and
   * one without, joined together; a third of the rows replaced by backfills at random times.
   */
  @ParameterizedTest
  @EnumSource(
      value = DuckDbJoinEngine.Form.class,
      names = {"ASOF_ORDERED", "ASOF"})
  void asKnownAtGivesTheRowsOfTheRangeJoinOnGeneratedData(DuckDbJoinEngine.Form form)
      throws Exception {
    sql(
        "CREATE TABLE generated AS SELECT 'k' || (i % 40) AS a, (i % 3)::VARCHAR AS b,"
            + " TIMESTAMPTZ '2024-03-01 00:00:00+00' + to_minutes((hash(i * 3) % 600)::BIGINT)"
            + " AS event_time, i AS value, TIMESTAMPTZ '2024-03-01 00:00:00+00'"
            + " + to_minutes((hash(i * 3) % 600)::BIGINT + (hash(i * 5) % 240)::BIGINT - 60)"
            + " AS _ingested_at, CASE WHEN hash(i * 17) % 3 = 0 THEN _ingested_at"
            + " + to_minutes((hash(i * 19) % 300)::BIGINT) END AS _replaced_at"
            + " FROM range(8000) t(i) QUALIFY row_number() OVER (PARTITION BY a, b,"
            + " event_time, _ingested_at ORDER BY value) = 1");
    sql(
        "CREATE TABLE offline.random_v1 AS SELECT * EXCLUDE (_replaced_at) FROM generated"
            + " WHERE _replaced_at IS NULL");
    // Rows that backfills replaced, each at a time of its own, some at their ingestion time.
    sql("CREATE SCHEMA replaced");
    sql("CREATE TABLE replaced.random_v1 AS FROM generated WHERE _replaced_at IS NOT NULL");
    Path spine = dir.resolve("random-spine.parquet");
    sql(
        "COPY (SELECT CASE WHEN i % 97 = 0 THEN NULL ELSE 'k' || (hash(i * 7) % 45) END AS a,"
            + " (hash(i * 11) % 3)::VARCHAR AS b, TIMESTAMPTZ '2024-03-01 00:00:00+00'"
            + " + to_minutes((hash(i * 13) % 700)::BIGINT) AS shown_at, i AS label"
            + " FROM range(3000) t(i)) TO '"
            + spine
            + "' (FORMAT parquet)");
    List<GroupJoin> groups = List.of(random(Duration.ofHours(3), "fresh"), random(null, "forever"));
    JoinRequest knownOnce =
        new JoinRequest(new TableSource.Parquet(spine), "shown_at", null, groups, false, true);
    List<List<Object>> withReplaced =
        read(new DuckDbJoinEngine(connection, form).join(knownOnce, allocator));

    for (boolean strictly : List.of(false, true)) {
      JoinRequest known =
          new JoinRequest(new TableSource.Parquet(spine), "shown_at", null, groups, strictly, true);
      JoinRequest latest =
          new JoinRequest(
              new TableSource.Parquet(spine), "shown_at", null, groups, strictly, false);

      List<List<Object>> rows = read(new DuckDbJoinEngine(connection, form).join(known, allocator));
      List<List<Object>> reference =
          read(
              new DuckDbJoinEngine(connection, DuckDbJoinEngine.Form.RANGE).join(known, allocator));
      List<List<Object>> unknowing =
          read(new DuckDbJoinEngine(connection, form).join(latest, allocator));

      assertThat(rows).hasSize(3000).isEqualTo(reference);
      assertThat(rows).extracting(row -> row.get(3)).containsExactlyElementsOf(range(3000));
      assertThat(rows.stream().filter(row -> row.get(4) != null).count()).isGreaterThan(1000);
      assertThat(rows.stream().filter(row -> row.get(5) != null).count()).isGreaterThan(2000);
      assertThat(rows).isNotEqualTo(unknowing);
    }

    sql("ALTER TABLE replaced.random_v1 RENAME TO hidden");
    List<List<Object>> withoutReplaced =
        read(new DuckDbJoinEngine(connection, form).join(knownOnce, allocator));
    long changed =
        IntStream.range(0, 3000)
            .filter(i -> !withReplaced.get(i).equals(withoutReplaced.get(i)))
            .count();
    assertThat(changed).isGreaterThan(100);
  }

  @Test
  void readsStringKeysOfACsvSpineAsStrings() throws Exception {
    Path spine = csv("user_id,shown_at", "007,2024-03-01 10:30:00+00");

    List<List<Object>> rows = join(request(new TableSource.Csv(spine), null, clicks()));

    assertThat(rows)
        .containsExactly(List.of("007", java.time.Instant.parse("2024-03-01T10:30:00Z"), 7L));
  }

  @Test
  void appliesTheGivenZoneToZonelessTimestamps() throws Exception {
    Path spine = csv("user_id,shown_at", "u1,2024-03-01 12:30:00", "u1,2024-03-01 11:30:00");

    List<List<Object>> berlin =
        join(request(new TableSource.Csv(spine), ZoneId.of("Europe/Berlin"), clicks()));
    List<List<Object>> plusTwo =
        join(request(new TableSource.Csv(spine), ZoneOffset.ofHours(2), clicks()));

    assertThat(berlin).extracting(row -> row.get(2)).containsExactly(3L, 1L);
    assertThat(plusTwo).extracting(row -> row.get(2)).containsExactly(1L, null);
  }

  // Regression: a CSV column of dates and times without a zone reads as text, and was refused as
  // "holds VARCHAR, not timestamps", although either form alone is read.
  @Test
  void readsASpineColumnThatMixesDatesAndTimesWithoutAZone() throws Exception {
    Path spine =
        csv("user_id,shown_at", "u1,2024-03-01", "u1,2024-03-01 12:30:00", "u1,2024-03-01T11:10");

    List<List<Object>> berlin =
        join(request(new TableSource.Csv(spine), ZoneId.of("Europe/Berlin"), clicks()));

    // The date is its start of day in Berlin, 23:00 UTC the day before, when nothing was clicked;
    // the column comes out as times without a zone, as written.
    assertThat(berlin)
        .containsExactly(
            Arrays.asList("u1", LocalDateTime.parse("2024-03-01T00:00"), null),
            Arrays.asList("u1", LocalDateTime.parse("2024-03-01T12:30"), 3L),
            Arrays.asList("u1", LocalDateTime.parse("2024-03-01T11:10"), 1L));
  }

  @Test
  void refusesASpineColumnThatMixesDatesAndTimesWithAnOffset() throws Exception {
    Path spine = csv("user_id,shown_at", "u1,2024-03-01", "u1,2024-03-01T12:30:00+02:00");
    DuckDbJoinEngine engine = new DuckDbJoinEngine(connection);

    assertThatThrownBy(
            () ->
                engine.join(
                    request(new TableSource.Csv(spine), ZoneOffset.UTC, clicks()), allocator))
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot build training set: spine column 'shown_at' mixes times with an offset and"
                + " times or dates without one; write every row in the same form, all with an"
                + " offset (2024-03-01T10:00:00+02:00) or all without (2024-03-01 10:00:00 or"
                + " 2024-03-01, then give the zone)");
  }

  // Regression: DuckDB reads such a column as times with a zone, taking the zone-less ones in its
  // own time zone setting, so the spine's zone was silently ignored for them.
  @Test
  void refusesASpineColumnThatMixesTimesWithAndWithoutAnOffset() throws Exception {
    Path spine = csv("user_id,shown_at", "u1,2024-03-01 12:30:00", "u1,2024-03-01T12:30:00+02:00");
    DuckDbJoinEngine engine = new DuckDbJoinEngine(connection);

    assertThatThrownBy(
            () ->
                engine.join(
                    request(new TableSource.Csv(spine), ZoneId.of("Europe/Berlin"), clicks()),
                    allocator))
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot build training set: spine column 'shown_at' mixes times with an offset and"
                + " times or dates without one; write every row in the same form, all with an"
                + " offset (2024-03-01T10:00:00+02:00) or all without (2024-03-01 10:00:00 or"
                + " 2024-03-01, then give the zone)");
  }

  // Regression: DuckDB types a CSV column from a sample of its first rows, so a form that first
  // appears later was read in the sampled type: an offset dropped, a time cut to its date.
  @Test
  void typesACsvSpineTimeColumnFromEveryRowNotASample() throws Exception {
    List<String> zoneLessThenOffset = new ArrayList<>(List.of("user_id,shown_at"));
    List<String> datesThenTime = new ArrayList<>(List.of("user_id,shown_at"));
    for (int i = 0; i < 30_000; i++) {
      zoneLessThenOffset.add("u9,2024-03-01 09:00:00");
      datesThenTime.add("u9,2024-02-28");
    }

    zoneLessThenOffset.add("u1,2024-03-01T12:30:00+02:00");
    datesThenTime.add("u1,2024-03-01 10:30:00");
    Path mixed = csv(zoneLessThenOffset.toArray(String[]::new));
    Path dated = csv(datesThenTime.toArray(String[]::new));
    DuckDbJoinEngine engine = new DuckDbJoinEngine(connection);

    assertThatThrownBy(
            () ->
                engine.join(
                    request(new TableSource.Csv(mixed), ZoneOffset.UTC, clicks()), allocator))
        .isInstanceOf(SokoException.class)
        .hasMessageContaining("spine column 'shown_at' mixes times with an offset");
    List<List<Object>> rows = join(request(new TableSource.Csv(dated), ZoneOffset.UTC, clicks()));
    assertThat(rows).hasSize(30_001);
    assertThat(rows.get(30_000).get(1)).isEqualTo(LocalDateTime.parse("2024-03-01T10:30:00"));
    assertThat(rows.get(0).get(1)).isEqualTo(LocalDateTime.parse("2024-02-28T00:00:00"));
  }

  // Regression: a spine column whose name differed from a feature column's only in case was kept,
  // and DuckDB renamed the feature column with a suffix.
  @Test
  void refusesASpineColumnNamedAsAFeatureColumnInAnotherCase() throws Exception {
    Path spine = csv("user_id,shown_at,Clicks__Total", "u1,2024-03-01 10:30:00+00,x");
    DuckDbJoinEngine engine = new DuckDbJoinEngine(connection);

    assertThatThrownBy(
            () -> engine.join(request(new TableSource.Csv(spine), null, clicks()), allocator))
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot build training set: feature column 'clicks__total' has the name of spine"
                + " column 'Clicks__Total'; give the join an alias, or rename the spine column");
  }

  // Regression: DuckDB's cast to a time with a zone takes a one-digit hour, so such a column was
  // typed as times with a zone and read in DuckDB's zone, not the spine's.
  @Test
  void readsTimesWithOneDigitHoursInTheSpinesZone() throws Exception {
    Path spine = csv("user_id,shown_at", "u1,2024-03-01 9:30:00", "u1,2024-3-1 10:30");

    List<List<Object>> rows =
        join(request(new TableSource.Csv(spine), ZoneId.of("Europe/Berlin"), clicks()));

    assertThat(rows)
        .extracting(row -> row.get(1))
        .containsExactly(
            LocalDateTime.parse("2024-03-01T09:30"), LocalDateTime.parse("2024-03-01T10:30"));
  }

  @Test
  void namesTheFirstSpineTimeThatIsNoTime() throws Exception {
    Path spine =
        csv("user_id,shown_at", "u1,2024-03-01 09:30:00", "u1,yesterday", "u1,2024-03-01 10:00:00");
    DuckDbJoinEngine engine = new DuckDbJoinEngine(connection);

    assertThatThrownBy(
            () ->
                engine.join(
                    request(new TableSource.Csv(spine), ZoneOffset.UTC, clicks()), allocator))
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot build training set: spine column 'shown_at' holds 'yesterday' in spine row 2"
                + " (counting from 1), which is not a time; write times as 2024-03-01 10:00:00,"
                + " with an offset"
                + " (2024-03-01T10:00:00+02:00) or without one (then give the zone), or as dates"
                + " (2024-03-01)");
  }

  @Test
  void refusesASpineColumnNamedRowid() throws Exception {
    Path spine = csv("user_id,shown_at,RowId", "u1,2024-03-01 10:30:00+00,7");
    DuckDbJoinEngine engine = new DuckDbJoinEngine(connection);

    assertThatThrownBy(
            () -> engine.join(request(new TableSource.Csv(spine), null, clicks()), allocator))
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot build training set: the spine has a column named 'RowId', which DuckDB keeps"
                + " for its own row numbers; rename that column");
  }

  @Test
  void readsACsvSpineColumnOfTimesWithOffsetsOnTheirInstants() throws Exception {
    Path spine =
        csv(
            "user_id,shown_at",
            "u1,2024-03-01T12:30:00+02:00",
            "u1,2024-03-01 10:30:00+00",
            "u1,2024-03-01T05:30:00-05:00");

    List<List<Object>> rows =
        join(request(new TableSource.Csv(spine), ZoneId.of("Asia/Tokyo"), clicks()));

    Instant instant = Instant.parse("2024-03-01T10:30:00Z");
    assertThat(rows).extracting(row -> row.get(1)).containsExactly(instant, instant, instant);
  }

  @Test
  void comparesCompositeKeysPartByPart() throws Exception {
    Path spine = csv("a,b,shown_at", "12,3,2024-03-01 10:30:00+00", "1,23,2024-03-01 10:30:00+00");
    GroupJoin pairs =
        new GroupJoin(PAIRS, "pairs", List.of("a", "b"), List.of("score"), List.of("pairs__score"));

    List<List<Object>> rows = join(request(new TableSource.Csv(spine), null, pairs));

    assertThat(rows).extracting(row -> row.get(3)).containsExactly(null, 0.5);
  }

  @Test
  void writesParquetThatReadsBackInSpineOrder() throws Exception {
    Path spine =
        csv("user_id,shown_at,label", "u1,2024-03-01 11:00:00+00,b", "u1,2024-03-01 10:30:00+00,a");
    Path out = dir.resolve("out.parquet");
    DuckDbJoinEngine engine = new DuckDbJoinEngine(connection);

    long written =
        engine.write(
            request(new TableSource.Csv(spine), null, clicks()), out, OutputFormat.PARQUET);

    assertThat(written).isEqualTo(2);
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT label, clicks__total FROM read_parquet(?)")) {
      statement.setString(1, out.toString());
      try (ResultSet result = statement.executeQuery()) {
        List<String> rows = new ArrayList<>();
        while (result.next()) {
          rows.add(result.getString(1) + "=" + result.getLong(2));
        }

        assertThat(rows).containsExactly("b=3", "a=1");
      }
    }
  }

  @Test
  void refusesZonelessTimestampsWithoutAZone() throws Exception {
    Path spine = csv("user_id,shown_at", "u1,2024-03-01 12:30:00");
    DuckDbJoinEngine engine = new DuckDbJoinEngine(connection);

    assertThatThrownBy(
            () -> engine.join(request(new TableSource.Csv(spine), null, clicks()), allocator))
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot build training set: spine column 'shown_at' holds timestamps without a zone;"
                + " give their zone with Spine.zone(ZoneId), such as .zone(ZoneOffset.UTC)");
  }

  @Test
  void refusesAMissingSpineFile() {
    DuckDbJoinEngine engine = new DuckDbJoinEngine(connection);
    Path missing = dir.resolve("missing.parquet");

    assertThatThrownBy(
            () -> engine.join(request(new TableSource.Parquet(missing), null, clicks()), allocator))
        .isInstanceOf(SokoException.class)
        .hasMessageStartingWith(
            "Cannot build training set: IO Error: No files found that match the pattern \""
                + missing);
  }

  @Test
  void readsACsvFileAsArrowBatchesInFileOrder() throws Exception {
    Path file = csv("id,name", "2,b", "1,a", "3,c");

    List<List<Object>> rows =
        read(new DuckDbJoinEngine(connection).read(new TableSource.Csv(file), allocator));

    assertThat(rows).containsExactly(List.of(2L, "b"), List.of(1L, "a"), List.of(3L, "c"));
  }

  /** Joins the generated group {@code random} with the TTL, under a prefix of its own. */
  private static GroupJoin random(Duration ttl, String prefix) {
    GroupSpec spec =
        new GroupSpec(
            "random",
            1,
            "",
            "",
            List.of(),
            ttl,
            false,
            List.of(Column.key("a", FeatureType.STRING), Column.key("b", FeatureType.STRING)),
            Column.eventTime("event_time"),
            List.of(Column.feature("value", FeatureType.LONG, true)));
    return new GroupJoin(spec, prefix, List.of("a", "b"), List.of("value"), List.of(prefix));
  }

  private static List<Long> range(long count) {
    return java.util.stream.LongStream.range(0, count).boxed().toList();
  }

  private static GroupJoin clicks() {
    return new GroupJoin(
        CLICKS, "clicks", List.of("user_id"), List.of("total"), List.of("clicks__total"));
  }

  private static JoinRequest request(TableSource spine, ZoneId zone, GroupJoin group) {
    return new JoinRequest(spine, "shown_at", zone, List.of(group), false, false);
  }

  private List<List<Object>> join(JoinRequest request) throws Exception {
    return read(new DuckDbJoinEngine(connection).join(request, allocator));
  }

  private static List<List<Object>> read(ArrowReader reader) throws Exception {
    List<List<Object>> rows = new ArrayList<>();
    try (reader) {
      VectorSchemaRoot batch = reader.getVectorSchemaRoot();
      while (reader.loadNextBatch()) {
        for (int row = 0; row < batch.getRowCount(); row++) {
          List<Object> values = new ArrayList<>();
          for (int column = 0; column < batch.getFieldVectors().size(); column++) {
            values.add(ArrowValues.get(batch.getVector(column), row));
          }

          rows.add(values);
        }
      }
    }

    return rows;
  }

  private Path csv(String... lines) throws Exception {
    Path file = Files.createTempFile(dir, "spine", ".csv");
    Files.write(file, List.of(lines));
    return file;
  }

  private void sql(String sql) throws Exception {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
