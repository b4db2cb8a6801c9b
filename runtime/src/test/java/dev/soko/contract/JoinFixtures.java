package dev.soko.contract;

import dev.soko.Column;
import dev.soko.FeatureRef;
import dev.soko.FeatureType;
import dev.soko.GroupSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The feature groups and spine records of the training-set contract tests, with definitions written
 * by hand (the annotation processor cannot run on the runtime's own tests).
 */
public final class JoinFixtures {

  /** A spine time in the tests, an hour after the clock's start. */
  public static final Instant T = StoreFixtures.NOW.plus(Duration.ofHours(1));

  private JoinFixtures() {}

  /** Returns an instant some minutes from {@link #T}; negative minutes are before it. */
  public static Instant at(long minutes) {
    return T.plus(Duration.ofMinutes(minutes));
  }

  // -----------------------------------------------------------------------------------------------
  // Clicks: one string key, no TTL.

  /** A user's clicks. */
  public record UserClicks(String userId, Instant eventTime, long clicks, @Nullable Double ctr) {}

  /** The definition of {@link UserClicks}: group {@code join_clicks}, version 1, no TTL. */
  public static final FixtureDefinition<UserClicks> CLICKS =
      new FixtureDefinition<>(
          spec(
              "join_clicks",
              null,
              List.of(Column.key("user_id", FeatureType.STRING)),
              List.of(
                  Column.feature("clicks", FeatureType.LONG, false),
                  Column.feature("ctr", FeatureType.DOUBLE, true))),
          UserClicks.class) {
        @Override
        public Object[] values(UserClicks row) {
          return new Object[] {row.userId(), row.eventTime(), row.clicks(), row.ctr()};
        }

        @Override
        public UserClicks fromValues(Object[] values) {
          return new UserClicks(
              (String) values[0], (Instant) values[1], (Long) values[2], (Double) values[3]);
        }
      };

  /** The {@code clicks} feature of {@link #CLICKS}. */
  public static final FeatureRef<Long> CLICKS_CLICKS =
      new FeatureRef<>(CLICKS, "clicks", FeatureType.LONG);

  /** The {@code ctr} feature of {@link #CLICKS}. */
  public static final FeatureRef<Double> CLICKS_CTR =
      new FeatureRef<>(CLICKS, "ctr", FeatureType.DOUBLE);

  /** Returns a clicks row without a ctr. */
  public static UserClicks clicks(String user, Instant time, long clicks) {
    return new UserClicks(user, time, clicks, null);
  }

  // -----------------------------------------------------------------------------------------------
  // Sessions: one string key, a TTL of one day.

  /** A user's minutes in sessions. */
  public record Sessions(String userId, Instant eventTime, long minutes) {}

  /** The definition of {@link Sessions}: group {@code join_sessions}, version 1, TTL one day. */
  public static final FixtureDefinition<Sessions> SESSIONS =
      new FixtureDefinition<>(
          spec(
              "join_sessions",
              Duration.ofDays(1),
              List.of(Column.key("user_id", FeatureType.STRING)),
              List.of(Column.feature("minutes", FeatureType.LONG, false))),
          Sessions.class) {
        @Override
        public Object[] values(Sessions row) {
          return new Object[] {row.userId(), row.eventTime(), row.minutes()};
        }

        @Override
        public Sessions fromValues(Object[] values) {
          return new Sessions((String) values[0], (Instant) values[1], (Long) values[2]);
        }
      };

  /** The {@code minutes} feature of {@link #SESSIONS}. */
  public static final FeatureRef<Long> SESSIONS_MINUTES =
      new FeatureRef<>(SESSIONS, "minutes", FeatureType.LONG);

  // -----------------------------------------------------------------------------------------------
  // Pairs: a composite key of two strings.

  /** A value for a pair of strings. */
  public record Pair(String first, String second, Instant eventTime, long value) {}

  /** The definition of {@link Pair}: group {@code join_pairs}, version 1, no TTL. */
  public static final FixtureDefinition<Pair> PAIRS =
      new FixtureDefinition<>(
          spec(
              "join_pairs",
              null,
              List.of(
                  Column.key("first", FeatureType.STRING),
                  Column.key("second", FeatureType.STRING)),
              List.of(Column.feature("value", FeatureType.LONG, false))),
          Pair.class) {
        @Override
        public Object[] values(Pair row) {
          return new Object[] {row.first(), row.second(), row.eventTime(), row.value()};
        }

        @Override
        public Pair fromValues(Object[] values) {
          return new Pair(
              (String) values[0], (String) values[1], (Instant) values[2], (Long) values[3]);
        }
      };

  // -----------------------------------------------------------------------------------------------
  // Articles: a long key, and a feature named like one of the clicks'.

  /** An article's statistics. */
  public record Article(long articleId, Instant eventTime, @Nullable Double ctr, long words) {}

  /** The definition of {@link Article}: group {@code join_articles}, version 1, no TTL. */
  public static final FixtureDefinition<Article> ARTICLES =
      new FixtureDefinition<>(
          spec(
              "join_articles",
              null,
              List.of(Column.key("article_id", FeatureType.LONG)),
              List.of(
                  Column.feature("ctr", FeatureType.DOUBLE, true),
                  Column.feature("words", FeatureType.LONG, false))),
          Article.class) {
        @Override
        public Object[] values(Article row) {
          return new Object[] {row.articleId(), row.eventTime(), row.ctr(), row.words()};
        }

        @Override
        public Article fromValues(Object[] values) {
          return new Article(
              (Long) values[0], (Instant) values[1], (Double) values[2], (Long) values[3]);
        }
      };

  /** The {@code words} feature of {@link #ARTICLES}. */
  public static final FeatureRef<Long> ARTICLES_WORDS =
      new FeatureRef<>(ARTICLES, "words", FeatureType.LONG);

  // -----------------------------------------------------------------------------------------------
  // A group no test applies.

  /** A group that is never applied. */
  public record Unapplied(String userId, Instant eventTime, long value) {}

  /** The definition of {@link Unapplied}: group {@code join_unapplied}, version 1. */
  public static final FixtureDefinition<Unapplied> UNAPPLIED =
      new FixtureDefinition<>(
          spec(
              "join_unapplied",
              null,
              List.of(Column.key("user_id", FeatureType.STRING)),
              List.of(Column.feature("value", FeatureType.LONG, false))),
          Unapplied.class) {
        @Override
        public Object[] values(Unapplied row) {
          return new Object[] {row.userId(), row.eventTime(), row.value()};
        }

        @Override
        public Unapplied fromValues(Object[] values) {
          return new Unapplied((String) values[0], (Instant) values[1], (Long) values[2]);
        }
      };

  /** The {@code value} feature of {@link #UNAPPLIED}. */
  public static final FeatureRef<Long> UNAPPLIED_VALUE =
      new FeatureRef<>(UNAPPLIED, "value", FeatureType.LONG);

  // -----------------------------------------------------------------------------------------------
  // Spine records.

  /** An impression of an article to a user: columns user_id, article_id, shown_at, label. */
  public record Impression(
      @Nullable String userId, @Nullable Long articleId, @Nullable Instant shownAt, String label) {}

  /** Returns an impression without an article. */
  public static Impression shown(@Nullable String user, Instant time, String label) {
    return new Impression(user, null, time, label);
  }

  /** A spine row for pairs: columns first, second, shown_at. */
  public record PairRow(String first, String second, Instant shownAt) {}

  /** A read of an author's article by a reader: columns reader_id, author_id, shown_at. */
  public record Read(String readerId, String authorId, Instant shownAt) {}

  private static GroupSpec spec(
      String name, @Nullable Duration ttl, List<Column> keys, List<Column> features) {
    return new GroupSpec(
        name,
        1,
        "",
        "join-tests",
        List.of(),
        ttl,
        false,
        keys,
        Column.eventTime("event_time"),
        features);
  }
}
