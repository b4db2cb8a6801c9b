package dev.soko.contract;

import dev.soko.Column;
import dev.soko.FeatureType;
import dev.soko.GroupSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The feature groups the store contract tests write and read, with their definitions written by
 * hand (the annotation processor cannot run on the runtime's own tests).
 */
public final class StoreFixtures {

  /** The clock's start in every contract test. */
  public static final Instant NOW = Instant.parse("2024-03-10T00:00:00Z");

  private StoreFixtures() {}

  /** Returns an instant some days before {@link #NOW}. */
  public static Instant daysAgo(long days) {
    return NOW.minus(Duration.ofDays(days));
  }

  // -----------------------------------------------------------------------------------------------
  // Clicks: one string key, a TTL of 7 days, a non-null and a nullable feature.

  /** A user's clicks. */
  public record Click(String userId, Instant eventTime, long clicks, @Nullable Double ctr) {}

  /** The spec of {@link Click}: group {@code store_clicks}, version 1. */
  public static GroupSpec clicksSpec() {
    return new GroupSpec(
        "store_clicks",
        1,
        "How often each user clicks.",
        "growth",
        List.of("user", "engagement"),
        Duration.ofDays(7),
        false,
        List.of(Column.key("user_id", FeatureType.STRING)),
        Column.eventTime("event_time"),
        List.of(
            new Column(
                "clicks",
                FeatureType.LONG,
                Column.Role.FEATURE,
                false,
                "Clicks in the day before the event time.",
                List.of()),
            Column.feature("ctr", FeatureType.DOUBLE, true)));
  }

  /** The definition of {@link Click}. */
  public static final FixtureDefinition<Click> CLICKS =
      new FixtureDefinition<>(clicksSpec(), Click.class) {
        @Override
        public Object[] values(Click row) {
          return new Object[] {row.userId(), row.eventTime(), row.clicks(), row.ctr()};
        }

        @Override
        public Click fromValues(Object[] values) {
          return new Click(
              (String) values[0], (Instant) values[1], (Long) values[2], (Double) values[3]);
        }
      };

  /** Returns a click row. */
  public static Click click(String user, Instant time, long clicks) {
    return new Click(user, time, clicks, null);
  }

  // -----------------------------------------------------------------------------------------------
  // Scores: a composite key (string, long), no TTL.

  /** An item's score in a region. */
  public record Score(String region, long itemId, Instant eventTime, @Nullable Float score) {}

  /** The spec of {@link Score}: group {@code store_scores}, version 1, online when applied. */
  public static GroupSpec scoresSpec() {
    return new GroupSpec(
        "store_scores",
        1,
        "Item scores by region.",
        "ranking",
        List.of("item"),
        null,
        true,
        List.of(Column.key("region", FeatureType.STRING), Column.key("item_id", FeatureType.LONG)),
        Column.eventTime("event_time"),
        List.of(Column.feature("score", FeatureType.FLOAT, true)));
  }

  /** The definition of {@link Score}. */
  public static final FixtureDefinition<Score> SCORES =
      new FixtureDefinition<>(scoresSpec(), Score.class) {
        @Override
        public Object[] values(Score row) {
          return new Object[] {row.region(), row.itemId(), row.eventTime(), row.score()};
        }

        @Override
        public Score fromValues(Object[] values) {
          return new Score(
              (String) values[0], (Long) values[1], (Instant) values[2], (Float) values[3]);
        }
      };

  // -----------------------------------------------------------------------------------------------
  // Every type: an int key and one feature of each feature type.

  /** One feature of each type. */
  public record Everything(
      int id,
      Instant eventTime,
      boolean flag,
      int count,
      long total,
      float ratio,
      double mean,
      @Nullable String label,
      @Nullable Instant seenAt,
      @Nullable LocalDate day,
      byte @Nullable [] blob,
      float @Nullable [] embedding,
      @Nullable List<String> words,
      @Nullable List<Long> counts) {}

  /** The spec of {@link Everything}: group {@code store_everything}, version 1. */
  public static GroupSpec everythingSpec() {
    return new GroupSpec(
        "store_everything",
        1,
        "One feature of each type.",
        "platform",
        List.of(),
        null,
        false,
        List.of(Column.key("id", FeatureType.INT)),
        Column.eventTime("event_time"),
        List.of(
            Column.feature("flag", FeatureType.BOOLEAN, false),
            Column.feature("count", FeatureType.INT, false),
            Column.feature("total", FeatureType.LONG, false),
            Column.feature("ratio", FeatureType.FLOAT, false),
            Column.feature("mean", FeatureType.DOUBLE, false),
            Column.feature("label", FeatureType.STRING, true),
            Column.feature("seen_at", FeatureType.TIMESTAMP, true),
            Column.feature("day", FeatureType.DATE, true),
            Column.feature("blob", FeatureType.BYTES, true),
            Column.feature("embedding", FeatureType.FLOAT_ARRAY, true),
            Column.feature("words", FeatureType.STRING_LIST, true),
            Column.feature("counts", FeatureType.LONG_LIST, true)));
  }

  /** The definition of {@link Everything}. */
  public static final FixtureDefinition<Everything> EVERYTHING =
      new FixtureDefinition<>(everythingSpec(), Everything.class) {
        @Override
        public Object[] values(Everything row) {
          return new Object[] {
            row.id(),
            row.eventTime(),
            row.flag(),
            row.count(),
            row.total(),
            row.ratio(),
            row.mean(),
            row.label(),
            row.seenAt(),
            row.day(),
            row.blob(),
            row.embedding(),
            row.words(),
            row.counts()
          };
        }

        @Override
        @SuppressWarnings("unchecked")
        public Everything fromValues(Object[] values) {
          return new Everything(
              (Integer) values[0],
              (Instant) values[1],
              (Boolean) values[2],
              (Integer) values[3],
              (Long) values[4],
              (Float) values[5],
              (Double) values[6],
              (String) values[7],
              (Instant) values[8],
              (LocalDate) values[9],
              (byte[]) values[10],
              (float[]) values[11],
              (List<String>) values[12],
              (List<Long>) values[13]);
        }
      };

  // -----------------------------------------------------------------------------------------------
  // Variants of the clicks spec, for the registry rules.

  /** Returns the clicks spec with different metadata: description, owner, tags and TTL. */
  public static GroupSpec clicksWithNewMetadata() {
    GroupSpec s = clicksSpec();
    return new GroupSpec(
        s.name(),
        s.version(),
        "Clicks per user, per day.",
        "growth-analytics",
        List.of("user", "clicks"),
        Duration.ofDays(14),
        s.online(),
        s.keys(),
        s.eventTime(),
        s.features());
  }

  /** Returns the clicks spec with the given features instead of its own. */
  public static GroupSpec clicksWithFeatures(List<Column> features) {
    return clicksWith(clicksSpec().keys(), clicksSpec().eventTime(), features);
  }

  /** Returns the clicks spec with other keys, event time and features. */
  public static GroupSpec clicksWith(List<Column> keys, Column eventTime, List<Column> features) {
    GroupSpec s = clicksSpec();
    return new GroupSpec(
        s.name(),
        s.version(),
        s.description(),
        s.owner(),
        s.tags(),
        s.ttl(),
        s.online(),
        keys,
        eventTime,
        features);
  }
}
