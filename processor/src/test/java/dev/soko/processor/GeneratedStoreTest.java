package dev.soko.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soko.FeatureStore;
import dev.soko.SokoException;
import dev.soko.StoreConfig;
import dev.soko.TimeRange;
import dev.soko.WriteResult;
import dev.soko.contract.MutableClock;
import dev.soko.processor.example.EveryType;
import dev.soko.processor.example.EveryTypeGroup;
import dev.soko.processor.example.EveryTypeReader;
import dev.soko.processor.example.EveryTypeWriter;
import dev.soko.processor.example.UserEngagement;
import dev.soko.processor.example.UserEngagementGroup;
import dev.soko.processor.example.UserEngagementReader;
import dev.soko.processor.example.UserEngagementWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the generated writers and readers of the example records against a real local store (a
 * DuckDB file), and checks the exact values that come back.
 */
class GeneratedStoreTest {

  private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(NOW);
  private FeatureStore store;
  private EveryTypeWriter writer;
  private EveryTypeReader reader;

  @BeforeEach
  void openStore() {
    store = FeatureStore.builder().config(StoreConfig.local(dir)).clock(clock).open();
    store.apply(EveryTypeGroup.DEFINITION, UserEngagementGroup.DEFINITION).orThrow();
    writer = EveryTypeWriter.of(store);
    reader = EveryTypeReader.of(store);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void writeThenHistoryGivesEveryValueBackOrderedByKeyThenTime() {
    EveryType full = row("fr", 7L, hoursAgo(2), 100L);
    EveryType nulls = nullable(row("fr", 7L, hoursAgo(5), 200L));
    EveryType other = row("de", 7L, hoursAgo(1), 300L);

    WriteResult result = writer.write(List.of(full, nulls, other));

    assertThat(result.rows()).isEqualTo(3);
    assertThat(result.online()).isEqualTo(2);
    assertThat(reader.history(TimeRange.of(hoursAgo(10), NOW)))
        .usingRecursiveFieldByFieldElementComparator()
        .containsExactly(other, nulls, full);
  }

  // Regression: a null store or collection of keys failed with a bare NullPointerException.
  @Test
  void readersAndWritersRefuseANullStoreOrKeys() {
    assertThatThrownBy(() -> EveryTypeReader.of(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot create EveryTypeReader: the store is null; give an open store, such as"
                + " FeatureStore.open()");
    assertThatThrownBy(() -> UserEngagementWriter.of(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot create UserEngagementWriter: the store is null; give an open store, such as"
                + " FeatureStore.open()");
    assertThatThrownBy(() -> UserEngagementReader.of(store).latest((List<String>) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot read the latest values of group 'user_engagement': the collection of keys is"
                + " null; give one, or List.of() for none");
  }

  @Test
  void historyKeepsOnlyTheRange() {
    writer.write(
        List.of(
            row("fr", 7L, hoursAgo(30), 1L),
            row("fr", 7L, hoursAgo(20), 2L),
            row("fr", 7L, hoursAgo(10), 3L)));

    assertThat(reader.history(TimeRange.of(hoursAgo(30), hoursAgo(10))))
        .extracting(EveryType::revenueCents)
        .containsExactly(1L, 2L);
  }

  @Test
  void backfillReplacesExactlyItsRangeAndLeavesOnlineAlone() {
    writer.write(
        List.of(
            row("fr", 7L, hoursAgo(30), 1L),
            row("fr", 7L, hoursAgo(20), 2L),
            row("fr", 7L, hoursAgo(10), 3L)));

    WriteResult result =
        writer.backfill(
            TimeRange.of(hoursAgo(25), hoursAgo(10)),
            List.of(row("fr", 7L, hoursAgo(24), 20L), row("fr", 7L, hoursAgo(15), 21L)));

    assertThat(result.rows()).isEqualTo(2);
    assertThat(result.online()).isZero();
    assertThat(reader.history(TimeRange.of(hoursAgo(40), NOW)))
        .extracting(EveryType::eventTime, EveryType::revenueCents)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(hoursAgo(30), 1L),
            org.assertj.core.groups.Tuple.tuple(hoursAgo(24), 20L),
            org.assertj.core.groups.Tuple.tuple(hoursAgo(15), 21L),
            org.assertj.core.groups.Tuple.tuple(hoursAgo(10), 3L));
    assertThat(reader.latest("fr", 7L)).map(EveryType::revenueCents).contains(3L);
  }

  @Test
  void backfillWithARowOutsideItsRangeWritesNothing() {
    writer.write(List.of(row("fr", 7L, hoursAgo(20), 2L)));

    assertThatThrownBy(
            () ->
                writer.backfill(
                    TimeRange.of(hoursAgo(25), hoursAgo(10)),
                    List.of(row("fr", 7L, hoursAgo(24), 20L), row("fr", 7L, hoursAgo(5), 21L))))
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot backfill group 'store_day' version 2: row 2 (key [fr, 7]) has event time "
                + hoursAgo(5)
                + ", outside the range ["
                + hoursAgo(25)
                + ", "
                + hoursAgo(10)
                + "). Every row of a backfill must lie in its range; nothing was written.");
    assertThat(reader.history(TimeRange.of(hoursAgo(40), NOW)))
        .extracting(EveryType::revenueCents)
        .containsExactly(2L);
  }

  @Test
  void latestOfOneCompositeKeyGivesEveryValue() {
    EveryType newest = row("fr", 7L, hoursAgo(1), 100L);
    writer.write(List.of(row("fr", 7L, hoursAgo(3), 50L)));
    writer.write(List.of(newest, row("fr", 8L, hoursAgo(2), 60L)));

    Optional<EveryType> latest = reader.latest("fr", 7L);

    assertThat(latest).isPresent();
    assertThat(latest.get()).usingRecursiveComparison().isEqualTo(newest);
  }

  @Test
  void latestOfOneKeyKeepsNullFeatures() {
    EveryType nulls = nullable(row("fr", 7L, hoursAgo(1), 100L));
    writer.write(List.of(nulls));

    assertThat(reader.latest("fr", 7L).orElseThrow()).usingRecursiveComparison().isEqualTo(nulls);
  }

  @Test
  void latestOfManyKeepsTheOrderGivenAndLeavesOutAbsentKeys() {
    writer.write(
        List.of(
            row("1", 23L, hoursAgo(1), 123L),
            row("12", 3L, hoursAgo(1), 1203L),
            row("de", 1L, hoursAgo(1), 1L)));

    Map<EveryTypeReader.Key, EveryType> found =
        reader.latest(
            List.of(
                new EveryTypeReader.Key("de", 1L),
                new EveryTypeReader.Key("1", 3L),
                new EveryTypeReader.Key("12", 3L),
                new EveryTypeReader.Key("nl", 1L),
                new EveryTypeReader.Key("1", 23L)));

    assertThat(found.keySet())
        .containsExactly(
            new EveryTypeReader.Key("de", 1L),
            new EveryTypeReader.Key("12", 3L),
            new EveryTypeReader.Key("1", 23L));
    assertThat(found.values()).extracting(EveryType::revenueCents).containsExactly(1L, 1203L, 123L);
  }

  @Test
  void latestOfNoKeysIsEmpty() {
    writer.write(List.of(row("fr", 7L, hoursAgo(1), 1L)));

    assertThat(reader.latest(List.of())).isEmpty();
  }

  @Test
  void latestReadsAsAbsentOnlyWhenOlderThanTheTtl() {
    writer.write(List.of(row("fr", 7L, hoursAgo(1), 1L)));

    clock.set(hoursAgo(1).plus(Duration.ofHours(36)));
    assertThat(reader.latest("fr", 7L)).map(EveryType::revenueCents).contains(1L);

    clock.advance(Duration.ofNanos(1000));
    assertThat(reader.latest("fr", 7L)).isEmpty();
  }

  @Test
  void latestOfAStringKeyByTheSingleKeyReader() {
    UserEngagementWriter.of(store)
        .write(
            List.of(
                engagement("u1", hoursAgo(2), 3L),
                engagement("u1", hoursAgo(1), 4L),
                engagement("u2", hoursAgo(1), 5L)));
    UserEngagementReader users = UserEngagementReader.of(store);

    assertThat(users.latest("u1").orElseThrow())
        .usingRecursiveComparison()
        .isEqualTo(engagement("u1", hoursAgo(1), 4L));
    assertThat(users.latest(List.of("u3", "u2", "u1")))
        .containsOnlyKeys("u2", "u1")
        .extractingFromEntries(e -> e.getKey() + "=" + e.getValue().clicks24h())
        .containsExactly("u2=5", "u1=4");
  }

  @Test
  void asOfGivesTheRowInForcePerKeyWithinTheTtl() {
    writer.write(
        List.of(
            row("fr", 7L, hoursAgo(50), 1L),
            row("fr", 7L, hoursAgo(30), 2L),
            row("fr", 7L, hoursAgo(10), 3L),
            row("de", 1L, hoursAgo(70), 4L),
            row("be", 1L, hoursAgo(20), 5L)));

    List<EveryType> asOf = reader.asOf(hoursAgo(20));

    assertThat(asOf)
        .extracting(EveryType::country, EveryType::revenueCents)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("be", 5L),
            org.assertj.core.groups.Tuple.tuple("fr", 2L));
    assertThat(asOf.get(1)).usingRecursiveComparison().isEqualTo(row("fr", 7L, hoursAgo(30), 2L));
  }

  @Test
  void asOfIncludesAValueExactlyTheTtlOld() {
    writer.write(List.of(row("fr", 7L, hoursAgo(36), 1L)));

    assertThat(reader.asOf(NOW)).extracting(EveryType::revenueCents).containsExactly(1L);
    assertThat(reader.asOf(NOW.plusNanos(1000))).isEmpty();
  }

  @Test
  void writeInOneCallKeepsTheLastOfRepeatedKeysAndTimes() {
    writer.write(List.of(row("fr", 7L, hoursAgo(1), 1L), row("fr", 7L, hoursAgo(1), 2L)));

    assertThat(reader.history(TimeRange.of(hoursAgo(2), NOW)))
        .extracting(EveryType::revenueCents)
        .containsExactly(2L);
    assertThat(reader.latest("fr", 7L)).map(EveryType::revenueCents).contains(2L);
  }

  private static Instant hoursAgo(long hours) {
    return NOW.minus(Duration.ofHours(hours));
  }

  private static EveryType row(String country, long store, Instant eventTime, long revenue) {
    return new EveryType(
        country,
        store,
        eventTime,
        true,
        false,
        120,
        3,
        revenue,
        5L,
        4.5f,
        -0.25f,
        23.5,
        4.0,
        "Zoë",
        Instant.parse("2026-03-01T08:30:00.123456Z"),
        LocalDate.of(2020, 1, 2),
        "logo".getBytes(StandardCharsets.UTF_8),
        new float[] {1f, -2.5f},
        Arrays.asList("bakery", null, ""),
        List.of(1L, Long.MAX_VALUE));
  }

  /** Returns the row with every nullable feature null. */
  private static EveryType nullable(EveryType row) {
    return new EveryType(
        row.country(),
        row.storeId(),
        row.eventTime(),
        row.open(),
        null,
        row.visits(),
        null,
        row.revenueCents(),
        null,
        row.rating(),
        null,
        row.meanBasket(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static UserEngagement engagement(String user, Instant eventTime, long clicks) {
    return new UserEngagement(user, eventTime, clicks, 0.25, new float[] {0.5f});
  }
}
