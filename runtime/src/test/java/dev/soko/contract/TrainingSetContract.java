package dev.soko.contract;

import static dev.soko.KeyMapping.keys;
import static dev.soko.contract.JoinFixtures.ARTICLES;
import static dev.soko.contract.JoinFixtures.ARTICLES_WORDS;
import static dev.soko.contract.JoinFixtures.CLICKS;
import static dev.soko.contract.JoinFixtures.CLICKS_CLICKS;
import static dev.soko.contract.JoinFixtures.CLICKS_CTR;
import static dev.soko.contract.JoinFixtures.PAIRS;
import static dev.soko.contract.JoinFixtures.SESSIONS;
import static dev.soko.contract.JoinFixtures.SESSIONS_MINUTES;
import static dev.soko.contract.JoinFixtures.T;
import static dev.soko.contract.JoinFixtures.UNAPPLIED_VALUE;
import static dev.soko.contract.JoinFixtures.at;
import static dev.soko.contract.JoinFixtures.clicks;
import static dev.soko.contract.JoinFixtures.shown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soko.SokoException;
import dev.soko.Spine;
import dev.soko.TimeRange;
import dev.soko.TrainingRow;
import dev.soko.TrainingSet;
import dev.soko.contract.JoinFixtures.Article;
import dev.soko.contract.JoinFixtures.Impression;
import dev.soko.contract.JoinFixtures.Pair;
import dev.soko.contract.JoinFixtures.PairRow;
import dev.soko.contract.JoinFixtures.Read;
import dev.soko.contract.JoinFixtures.Sessions;
import dev.soko.contract.JoinFixtures.UserClicks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.junit.jupiter.api.Test;

/**
 * The rules of point-in-time joins (training sets). Each test writes groups through the store,
 * builds a training set over a small spine, and checks every row.
 */
public abstract class TrainingSetContract extends StoreContract {

  // ---------------------------------------------------------------------------------------------
  // Which group row a spine row gets

  @Test
  void featureAtExactlyTheSpineTimeIsJoined() {
    store.apply(CLICKS).orThrow();
    store.write(CLICKS, List.of(clicks("u1", at(-60), 1), clicks("u1", T, 2)));

    List<TrainingRow> rows =
        store.trainingSet(spine(shown("u1", T, "a"))).with(CLICKS_CLICKS).build().rows();

    assertThat(rows).extracting(row -> row.get(CLICKS_CLICKS)).containsExactly(2L);
  }

  @Test
  void strictlyBeforeSkipsTheFeatureAtTheSpineTime() {
    store.apply(CLICKS).orThrow();
    store.write(CLICKS, List.of(clicks("u1", at(-60), 1), clicks("u1", T, 2)));

    List<TrainingRow> rows =
        store
            .trainingSet(spine(shown("u1", T, "a"), shown("u1", at(-60), "b")))
            .with(CLICKS_CLICKS)
            .strictlyBefore()
            .build()
            .rows();

    assertThat(rows).extracting(row -> row.get(CLICKS_CLICKS)).containsExactly(1L, null);
  }

  @Test
  void laterFeatureIsNeverJoined() {
    store.apply(CLICKS).orThrow();
    store.write(
        CLICKS, List.of(clicks("u1", at(-60), 1), clicks("u1", at(1), 2), clicks("u2", at(1), 3)));

    List<TrainingRow> rows =
        store
            .trainingSet(spine(shown("u1", T, "a"), shown("u2", T, "b")))
            .with(CLICKS)
            .build()
            .rows();

    assertThat(rows).extracting(row -> row.get(CLICKS_CLICKS)).containsExactly(1L, null);
  }

  @Test
  void valueOlderThanTheTtlGivesNulls() {
    store.apply(SESSIONS).orThrow();
    Instant dayBefore = T.minus(Duration.ofDays(1));
    store.write(
        SESSIONS,
        List.of(
            new Sessions("kept", dayBefore, 10),
            new Sessions("expired", dayBefore.minusSeconds(1), 20)));

    List<TrainingRow> rows =
        store
            .trainingSet(spine(shown("kept", T, "a"), shown("expired", T, "b")))
            .with(SESSIONS)
            .build()
            .rows();

    assertThat(rows).extracting(row -> row.get(SESSIONS_MINUTES)).containsExactly(10L, null);
  }

  /** The "as known at" join runs another plan; it must draw the TTL line at the same place. */
  @Test
  void valueExactlyTheTtlOldIsJoinedAsKnownAtToo() {
    store.apply(SESSIONS).orThrow();
    Instant dayBefore = T.minus(Duration.ofDays(1));
    store.write(
        SESSIONS,
        List.of(
            new Sessions("kept", dayBefore, 10),
            new Sessions("expired", dayBefore.minusNanos(1000), 20)));

    List<TrainingRow> rows =
        store
            .trainingSet(spine(shown("kept", T, "a"), shown("expired", T, "b")))
            .with(SESSIONS)
            .asKnownAt()
            .build()
            .rows();

    assertThat(rows).extracting(row -> row.get(SESSIONS_MINUTES)).containsExactly(10L, null);
  }

  @Test
  void equalEventTimesGiveTheLatestIngestedRow() {
    store.apply(CLICKS).orThrow();
    store.write(CLICKS, List.of(clicks("u1", at(-60), 1)));
    clock.advance(Duration.ofMinutes(1));
    store.write(CLICKS, List.of(clicks("u1", at(-60), 3)));
    clock.advance(Duration.ofMinutes(1));
    store.write(CLICKS, List.of(clicks("u1", at(-60), 2)));

    List<TrainingRow> rows =
        store.trainingSet(spine(shown("u1", T, "a"))).with(CLICKS).build().rows();

    assertThat(rows).extracting(row -> row.get(CLICKS_CLICKS)).containsExactly(2L);
  }

  @Test
  void noMatchGivesNulls() {
    store.apply(CLICKS).orThrow();
    store.write(CLICKS, List.of(new UserClicks("u1", at(-60), 1, 0.5)));

    List<TrainingRow> rows =
        store.trainingSet(spine(shown("u9", T, "a"))).with(CLICKS).build().rows();

    assertThat(rows)
        .extracting(row -> Arrays.asList(row.get(CLICKS_CLICKS), row.get(CLICKS_CTR)))
        .containsExactly(Arrays.asList(null, null));
  }

  // ---------------------------------------------------------------------------------------------
  // The spine's rows and keys

  @Test
  void everySpineRowAppearsOnceInSpineOrderWithDuplicates() {
    store.apply(CLICKS).orThrow();
    store.write(
        CLICKS,
        List.of(clicks("u1", at(-60), 1), clicks("u1", at(-30), 2), clicks("u2", at(-60), 3)));

    List<TrainingRow> rows =
        store
            .trainingSet(
                spine(
                    shown("u1", T, "first"),
                    shown("u2", at(-45), "second"),
                    shown("u1", at(-45), "third"),
                    shown("u1", T, "fourth"),
                    shown("u9", at(-90), "fifth")))
            .with(CLICKS)
            .build()
            .rows();

    assertThat(rows)
        .extracting(row -> Arrays.asList(row.value("label"), row.get(CLICKS_CLICKS)))
        .containsExactly(
            Arrays.asList("first", 2L),
            Arrays.asList("second", 3L),
            Arrays.asList("third", 1L),
            Arrays.asList("fourth", 2L),
            Arrays.asList("fifth", null));
  }

  @Test
  void compositeKeysCompareColumnByColumn() {
    store.apply(PAIRS).orThrow();
    store.write(PAIRS, List.of(new Pair("1", "23", at(-60), 7)));

    List<TrainingRow> rows =
        store
            .trainingSet(
                Spine.records(
                    PairRow.class,
                    List.of(new PairRow("12", "3", T), new PairRow("1", "23", T)),
                    "shown_at"))
            .with(PAIRS)
            .build()
            .rows();

    assertThat(rows).extracting(row -> row.value("join_pairs__value")).containsExactly(null, 7L);
  }

  @Test
  void nullKeyMatchesNothing() {
    store.apply(CLICKS).orThrow();
    store.write(CLICKS, List.of(clicks("", at(-60), 1), clicks("null", at(-60), 2)));

    List<TrainingRow> rows =
        store.trainingSet(spine(shown(null, T, "a"))).with(CLICKS).build().rows();

    assertThat(rows).extracting(row -> row.get(CLICKS_CLICKS)).containsExactly((Long) null);
  }

  @Test
  void nullSpineTimeIsAnError() {
    store.apply(CLICKS).orThrow();
    Spine spine = spine(shown("u1", T, "a"), new Impression("u1", null, null, "b"));

    assertThatThrownBy(() -> store.trainingSet(spine).with(CLICKS).build().rows())
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot build training set: spine row 2 (counting from 1) has no timestamp in column"
                + " 'shown_at'; every spine row needs one");
  }

  @Test
  void spineWithoutItsTimestampColumnIsAnError() throws Exception {
    store.apply(CLICKS).orThrow();
    Path csv = csv("user_id,time", "u1,2024-03-10T01:00:00Z");

    assertThatThrownBy(
            () -> store.trainingSet(Spine.csv(csv, "shown_at")).with(CLICKS).build().rows())
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot build training set: the spine has no timestamp column 'shown_at'; its"
                + " columns are [user_id, time]");
  }

  @Test
  void spineWithoutAKeyColumnIsAnError() throws Exception {
    store.apply(CLICKS).orThrow();
    Path csv = csv("user,shown_at", "u1,2024-03-10T01:00:00Z");

    assertThatThrownBy(
            () -> store.trainingSet(Spine.csv(csv, "shown_at")).with(CLICKS).build().rows())
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot build training set: the spine has no column 'user_id' for key 'user_id' of"
                + " group 'join_clicks'; its columns are [user, shown_at]; map the key to a spine"
                + " column with KeyMapping.keys(\"user_id\", \"<spine column>\")");
  }

  // Regression: a fractional spine key was cast, rounding 5.4 to article 5, and joined its values.
  @Test
  void spineKeyOfAFractionalTypeIsAnError() throws Exception {
    store.apply(ARTICLES).orThrow();
    store.write(ARTICLES, List.of(new Article(5, at(-90), 0.75, 300)));
    Path csv = csv("article_id,shown_at", "5.4,2024-03-10T01:00:00Z");

    assertThatThrownBy(
            () -> store.trainingSet(Spine.csv(csv, "shown_at")).with(ARTICLES).build().rows())
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot build training set: spine column 'article_id' for key 'article_id' of group"
                + " 'join_articles' holds DOUBLE, which cannot hold LONG key values exactly; give"
                + " the spine integer or string values in that column, or map the key to another"
                + " column");
  }

  // ---------------------------------------------------------------------------------------------
  // Groups, mappings and names

  @Test
  void joinsTwoGroupsInOneSet() {
    store.apply(CLICKS, ARTICLES).orThrow();
    store.write(CLICKS, List.of(new UserClicks("u1", at(-60), 1, 0.25)));
    store.write(ARTICLES, List.of(new Article(5, at(-90), 0.75, 300)));

    List<TrainingRow> rows =
        store
            .trainingSet(spine(new Impression("u1", 5L, T, "a"), new Impression("u1", 6L, T, "b")))
            .with(CLICKS)
            .with(ARTICLES_WORDS)
            .build()
            .rows();

    assertThat(rows.get(0).columns())
        .containsExactly(
            "user_id",
            "article_id",
            "shown_at",
            "label",
            "join_clicks__clicks",
            "join_clicks__ctr",
            "join_articles__words");
    assertThat(rows)
        .extracting(row -> Arrays.asList(row.get(CLICKS_CTR), row.get(ARTICLES_WORDS)))
        .containsExactly(Arrays.asList(0.25, 300L), Arrays.asList(0.25, null));
  }

  @Test
  void joinsOneGroupTwiceUnderTwoMappings() {
    store.apply(CLICKS).orThrow();
    store.write(CLICKS, List.of(clicks("ann", at(-60), 1), clicks("bob", at(-60), 2)));

    List<TrainingRow> rows =
        store
            .trainingSet(
                Spine.records(
                    Read.class,
                    List.of(new Read("ann", "bob", T), new Read("bob", "cid", T)),
                    "shown_at"))
            .with(CLICKS_CLICKS, keys("user_id", "reader_id").as("reader"))
            .with(CLICKS_CLICKS, keys("user_id", "author_id").as("author"))
            .build()
            .rows();

    assertThat(rows.get(0).columns())
        .containsExactly("reader_id", "author_id", "shown_at", "reader__clicks", "author__clicks");
    assertThat(rows)
        .extracting(
            row ->
                Arrays.asList(row.get("reader", CLICKS_CLICKS), row.get("author", CLICKS_CLICKS)))
        .containsExactly(Arrays.asList(1L, 2L), Arrays.asList(2L, null));
  }

  @Test
  void oneNameForTwoDifferentJoinsIsAnError() {
    store.apply(CLICKS).orThrow();

    assertThatThrownBy(
            () ->
                store
                    .trainingSet(spine(shown("u1", T, "a")))
                    .with(CLICKS_CLICKS, keys("user_id", "reader_id"))
                    .with(CLICKS_CLICKS, keys("user_id", "author_id"))
                    .build())
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot build training set: 'join_clicks' names two different joins (join_clicks_v1"
                + " on [reader_id], and join_clicks_v1 on [author_id]); give each its own alias"
                + " with KeyMapping.as(...)");
  }

  @Test
  void shortNamesDropTheGroupPrefix() {
    store.apply(CLICKS, ARTICLES).orThrow();
    store.write(CLICKS, List.of(clicks("u1", at(-60), 4)));

    List<TrainingRow> rows =
        store
            .trainingSet(spine(new Impression("u1", 5L, T, "a")))
            .with(CLICKS_CLICKS)
            .with(ARTICLES_WORDS)
            .shortNames()
            .build()
            .rows();

    assertThat(rows.get(0).columns())
        .containsExactly("user_id", "article_id", "shown_at", "label", "clicks", "words");
    assertThat(rows.get(0).value("clicks")).isEqualTo(4L);
  }

  @Test
  void ambiguousShortNamesAreAnError() {
    store.apply(CLICKS, ARTICLES).orThrow();

    assertThatThrownBy(
            () ->
                store
                    .trainingSet(spine(shown("u1", T, "a")))
                    .with(CLICKS)
                    .with(ARTICLES)
                    .shortNames()
                    .build())
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot build training set: column name 'ctr' is ambiguous: features join_clicks.ctr"
                + " and join_articles.ctr would both get it; leave one out, give a join an alias,"
                + " or drop shortNames()");
  }

  @Test
  void featureOfANeverAppliedGroupIsAnError() {
    store.apply(CLICKS).orThrow();

    assertThatThrownBy(
            () -> store.trainingSet(spine(shown("u1", T, "a"))).with(UNAPPLIED_VALUE).build())
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot build training set: group 'join_unapplied' version 1 was never applied to"
                + " this store; apply it first with FeatureStore.apply");
  }

  @Test
  void groupByNameTakesItsLatestAppliedVersion() {
    store.apply(CLICKS).orThrow();
    store.write(CLICKS, List.of(clicks("u1", at(-60), 4)));

    List<TrainingRow> rows =
        store.trainingSet(spine(shown("u1", T, "a"))).with("join_clicks").build().rows();

    assertThat(rows).extracting(row -> row.value("join_clicks__clicks")).containsExactly(4L);
    assertThatThrownBy(() -> store.trainingSet(spine(shown("u1", T, "a"))).with("nope").build())
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot build training set: no group named 'nope' was applied to this store; its"
                + " groups are [join_clicks]");
  }

  @Test
  void groupByNameInAStoreWithoutGroupsSaysItHasNone() {
    assertThatThrownBy(() -> store.trainingSet(spine(shown("u1", T, "a"))).with("nope").build())
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot build training set: no group named 'nope' was applied to this store, which has"
                + " no groups yet; apply it first with FeatureStore.apply");
  }

  // ---------------------------------------------------------------------------------------------
  // Time zones and "as known at"

  @Test
  void spineTimesWithDifferentOffsetsJoinOnTheInstant() throws Exception {
    store.apply(CLICKS).orThrow();
    store.write(
        CLICKS,
        List.of(
            clicks("u1", Instant.parse("2024-03-10T08:00:00Z"), 1),
            clicks("u1", Instant.parse("2024-03-10T09:00:00Z"), 2)));
    Path csv =
        csv(
            "user_id,shown_at",
            "u1,2024-03-10T10:30:00+02:00",
            "u1,2024-03-10T09:30:00Z",
            "u1,2024-03-10T04:30:00-05:00",
            "u1,2024-03-10T10:59:59+02:00");

    List<TrainingRow> rows =
        store.trainingSet(Spine.csv(csv, "shown_at")).with(CLICKS).build().rows();

    assertThat(rows)
        .extracting(row -> Arrays.asList(row.value("shown_at"), row.get(CLICKS_CLICKS)))
        .containsExactly(
            Arrays.asList(Instant.parse("2024-03-10T08:30:00Z"), 1L),
            Arrays.asList(Instant.parse("2024-03-10T09:30:00Z"), 2L),
            Arrays.asList(Instant.parse("2024-03-10T09:30:00Z"), 2L),
            Arrays.asList(Instant.parse("2024-03-10T08:59:59Z"), 1L));
  }

  @Test
  void zonelessSpineTimesNeedTheirZone() throws Exception {
    store.apply(CLICKS).orThrow();
    store.write(
        CLICKS,
        List.of(
            clicks("u1", Instant.parse("2024-03-10T08:00:00Z"), 1),
            clicks("u1", Instant.parse("2024-03-10T09:00:00Z"), 2)));
    Path csv = csv("user_id,shown_at", "u1,2024-03-10 10:30:00");

    List<TrainingRow> paris =
        store
            .trainingSet(Spine.csv(csv, "shown_at").zone(ZoneId.of("Europe/Paris")))
            .with(CLICKS)
            .build()
            .rows();
    List<TrainingRow> plusThree =
        store
            .trainingSet(Spine.csv(csv, "shown_at").zone(ZoneOffset.ofHours(3)))
            .with(CLICKS)
            .build()
            .rows();

    assertThat(paris)
        .extracting(row -> Arrays.asList(row.value("shown_at"), row.get(CLICKS_CLICKS)))
        .containsExactly(Arrays.asList(LocalDateTime.parse("2024-03-10T10:30:00"), 2L));
    assertThat(plusThree).extracting(row -> row.get(CLICKS_CLICKS)).containsExactly((Long) null);
    assertThatThrownBy(
            () -> store.trainingSet(Spine.csv(csv, "shown_at")).with(CLICKS).build().rows())
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot build training set: spine column 'shown_at' holds timestamps without a zone;"
                + " give their zone with Spine.zone(ZoneId), such as .zone(ZoneOffset.UTC)");
  }

  @Test
  void asKnownAtDropsTheRowsOfALaterBackfill() {
    store.apply(CLICKS).orThrow();
    Instant event = T.minus(Duration.ofDays(1));
    store.write(CLICKS, List.of(clicks("u1", event, 1), clicks("u2", event, 5)));
    clock.set(T.plus(Duration.ofHours(1)));
    store.backfill(
        CLICKS,
        TimeRange.of(event, event.plusSeconds(1)),
        List.of(clicks("u1", event, 100), clicks("u2", event, 500)));
    clock.advance(Duration.ofMinutes(1));
    store.write(CLICKS, List.of(clicks("u3", event, 9)));
    Spine spine = spine(shown("u1", T, "a"), shown("u3", T, "b"), shown("u1", at(120), "c"));

    List<TrainingRow> known = store.trainingSet(spine).with(CLICKS).asKnownAt().build().rows();
    List<TrainingRow> latest = store.trainingSet(spine).with(CLICKS).build().rows();

    assertThat(known).extracting(row -> row.get(CLICKS_CLICKS)).containsExactly(1L, null, 100L);
    assertThat(latest).extracting(row -> row.get(CLICKS_CLICKS)).containsExactly(100L, 9L, 100L);
  }

  // ---------------------------------------------------------------------------------------------
  // As known at, across backfills: ingested at T1 = at(-120), backfilled at T2 = at(60)

  /**
   * A backfill keeps the rows it replaces for "as known at": a training set of spine times between
   * the first write and the backfill is the same, value for value, when rebuilt after it.
   */
  @Test
  void asKnownAtTrainingSetIsTheSameWhenRebuiltAfterABackfill() {
    store.apply(CLICKS).orThrow();
    writeAt(
        at(-120),
        new UserClicks("u1", at(-200), 1, 0.5),
        new UserClicks("u1", at(-150), 2, 0.25),
        clicks("u2", at(-180), 3),
        clicks("u3", at(-100), 4));
    Spine spine =
        spine(
            shown("u1", at(-110), "a"),
            shown("u2", at(-20), "b"),
            shown("u3", at(-105), "c"),
            shown("u3", at(-90), "d"),
            shown("u4", at(0), "e"));
    List<List<Object>> before = values(store.trainingSet(spine).with(CLICKS).asKnownAt().build());

    clock.set(at(60));
    store.backfill(
        CLICKS,
        TimeRange.of(at(-300), at(-90)),
        List.of(
            new UserClicks("u1", at(-200), 10, 5.0),
            new UserClicks("u1", at(-150), 20, 2.5),
            clicks("u2", at(-180), 30),
            clicks("u3", at(-100), 40)));
    List<List<Object>> after = values(store.trainingSet(spine).with(CLICKS).asKnownAt().build());
    List<List<Object>> latest = values(store.trainingSet(spine).with(CLICKS).build());

    assertThat(before)
        .containsExactly(
            Arrays.asList("u1", null, at(-110), "a", 2L, 0.25),
            Arrays.asList("u2", null, at(-20), "b", 3L, null),
            Arrays.asList("u3", null, at(-105), "c", null, null),
            Arrays.asList("u3", null, at(-90), "d", 4L, null),
            Arrays.asList("u4", null, at(0), "e", null, null));
    assertThat(after).isEqualTo(before);
    assertThat(latest)
        .containsExactly(
            Arrays.asList("u1", null, at(-110), "a", 20L, 2.5),
            Arrays.asList("u2", null, at(-20), "b", 30L, null),
            Arrays.asList("u3", null, at(-105), "c", null, null),
            Arrays.asList("u3", null, at(-90), "d", 40L, null),
            Arrays.asList("u4", null, at(0), "e", null, null));
  }

  /** From the backfill's ingestion time on, "as known at" sees the backfilled values. */
  @Test
  void asKnownAtFromTheBackfillOnSeesTheBackfilledValues() {
    store.apply(CLICKS).orThrow();
    writeAt(at(-120), clicks("u1", at(-150), 2), clicks("u2", at(-180), 3));
    clock.set(at(60));
    store.backfill(
        CLICKS,
        TimeRange.of(at(-300), at(-90)),
        List.of(clicks("u1", at(-150), 20), clicks("u2", at(-180), 30)));
    Spine spine =
        spine(
            shown("u1", at(59), "a"),
            shown("u1", at(60), "b"),
            shown("u2", at(90), "c"),
            shown("u2", at(60), "d"));

    List<TrainingRow> known = store.trainingSet(spine).with(CLICKS).asKnownAt().build().rows();

    assertThat(known).extracting(row -> row.get(CLICKS_CLICKS)).containsExactly(2L, 20L, 30L, 30L);
  }

  /**
   * A row that a backfill removed (its range held fewer rows) is still seen as known before the
   * backfill, and no longer after it.
   */
  @Test
  void asKnownAtBeforeABackfillStillSeesTheRowsItRemoved() {
    store.apply(CLICKS).orThrow();
    writeAt(
        at(-120), clicks("u1", at(-200), 1), clicks("u1", at(-150), 2), clicks("u2", at(-180), 3));
    clock.set(at(60));
    store.backfill(CLICKS, TimeRange.of(at(-300), at(-90)), List.of(clicks("u1", at(-200), 10)));
    Spine spine =
        spine(
            shown("u1", at(-20), "a"),
            shown("u2", at(-20), "b"),
            shown("u1", at(90), "c"),
            shown("u2", at(90), "d"));

    List<TrainingRow> known = store.trainingSet(spine).with(CLICKS).asKnownAt().build().rows();
    List<TrainingRow> latest = store.trainingSet(spine).with(CLICKS).build().rows();

    assertThat(known).extracting(row -> row.get(CLICKS_CLICKS)).containsExactly(2L, 3L, 10L, null);
    assertThat(latest)
        .extracting(row -> row.get(CLICKS_CLICKS))
        .containsExactly(10L, null, 10L, null);
  }

  /** After two backfills of one range, each version is seen as known from its backfill on. */
  @Test
  void asKnownAtBetweenTwoBackfillsSeesTheFirstBackfill() {
    store.apply(CLICKS).orThrow();
    TimeRange range = TimeRange.of(at(-300), at(-90));
    writeAt(at(-120), clicks("u1", at(-150), 1), clicks("u2", at(-180), 2));
    clock.set(at(60));
    store.backfill(CLICKS, range, List.of(clicks("u1", at(-150), 10), clicks("u2", at(-180), 20)));
    clock.set(at(120));
    store.backfill(
        CLICKS, range, List.of(clicks("u1", at(-150), 100), clicks("u2", at(-180), 200)));
    Spine spine =
        spine(
            shown("u1", at(59), "a"),
            shown("u1", at(60), "b"),
            shown("u2", at(119), "c"),
            shown("u2", at(120), "d"),
            shown("u1", at(90), "e"));

    List<TrainingRow> known = store.trainingSet(spine).with(CLICKS).asKnownAt().build().rows();
    List<TrainingRow> latest = store.trainingSet(spine).with(CLICKS).build().rows();

    assertThat(known)
        .extracting(row -> row.get(CLICKS_CLICKS))
        .containsExactly(1L, 10L, 20L, 200L, 10L);
    assertThat(latest)
        .extracting(row -> row.get(CLICKS_CLICKS))
        .containsExactly(100L, 100L, 200L, 200L, 100L);
  }

  /**
   * Expiring the rows that backfills replaced before an instant keeps "as known at" at spine times
   * from that instant on, and drops only what earlier spine times saw.
   */
  @Test
  void expiringReplacedRowsKeepsAsKnownAtFromThatInstantOn() {
    store.apply(CLICKS).orThrow();
    TimeRange range = TimeRange.of(at(-300), at(-90));
    writeAt(at(-120), clicks("u1", at(-150), 1));
    clock.set(at(60));
    store.backfill(CLICKS, range, List.of(clicks("u1", at(-150), 10)));
    clock.set(at(120));
    store.backfill(CLICKS, range, List.of(clicks("u1", at(-150), 100)));
    Spine spine =
        spine(shown("u1", at(0), "a"), shown("u1", at(90), "b"), shown("u1", at(150), "c"));
    List<TrainingRow> before = store.trainingSet(spine).with(CLICKS).asKnownAt().build().rows();
    long keptBefore = store.describe("join_clicks").stats().replacedRows();

    long dropped = store.expireReplaced("join_clicks", at(90));
    List<TrainingRow> after = store.trainingSet(spine).with(CLICKS).asKnownAt().build().rows();

    assertThat(before).extracting(row -> row.get(CLICKS_CLICKS)).containsExactly(1L, 10L, 100L);
    assertThat(keptBefore).isEqualTo(2);
    assertThat(dropped).isEqualTo(1);
    assertThat(after).extracting(row -> row.get(CLICKS_CLICKS)).containsExactly(null, 10L, 100L);
    assertThat(store.describe("join_clicks").stats().replacedRows()).isEqualTo(1);
    assertThat(store.expireReplaced("join_clicks", at(90))).isZero();
  }

  @Test
  void expiringReplacedRowsRefusesAnUnknownGroupOrNoInstant() {
    store.apply(CLICKS).orThrow();

    assertThatThrownBy(() -> store.expireReplaced("nope", at(0)))
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot expire the replaced rows of group 'nope': no group named 'nope' was applied."
                + " Apply it first, or list the applied groups.");
    assertThatThrownBy(() -> store.expireReplaced("join_clicks", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot expire the replaced rows of group 'join_clicks': the instant is null; give"
                + " one. Nothing was read or written.");
  }

  /**
   * Over seeded random writes and backfills (small values, so that a backfill often restates a
   * stored row as it is), each operation leaves "as known at" unchanged at every spine time before
   * it, and at every later spine time "as known at" answers as the plain join does.
   */
  @Test
  void asKnownAtNeverChangesBeforeAWriteOrBackfillOverRandomOperations() {
    store.apply(CLICKS).orThrow();
    List<Impression> rows = new ArrayList<>();
    for (int minute = -30; minute <= 90; minute++) {
      for (int user = 0; user < 4; user++) {
        rows.add(shown("u" + user, at(minute), "m" + minute));
      }
    }

    Spine spine = spine(rows.toArray(Impression[]::new));
    Random random = new Random(20_240_310L);
    clock.set(at(0));
    List<List<Object>> before = knownClicks(spine, true);
    for (int step = 0; step < 60; step++) {
      clock.set(clock.instant().plus(Duration.ofMinutes(1 + random.nextInt(2))));
      Instant now = clock.instant();
      String operation;
      if (random.nextInt(3) == 0) {
        List<UserClicks> written = new ArrayList<>();
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
          written.add(
              randomClicks(random, "u" + random.nextInt(4), at(-30 + 5 * random.nextInt(23))));
        }

        store.write(CLICKS, written);
        operation = "a write of " + written;
      } else {
        int first = random.nextInt(8);
        int last = first + 1 + random.nextInt(22 - first);
        List<UserClicks> recomputed = new ArrayList<>();
        for (int slot = first; slot < last; slot++) {
          for (int user = 0; user < 4; user++) {
            if (random.nextBoolean()) {
              recomputed.add(randomClicks(random, "u" + user, at(-30 + 5 * slot)));
            }
          }
        }

        store.backfill(CLICKS, TimeRange.of(at(-30 + 5 * first), at(-30 + 5 * last)), recomputed);
        operation = "a backfill from slot " + first + " to " + last + " of " + recomputed;
      }

      List<List<Object>> after = knownClicks(spine, true);
      List<List<Object>> plain = knownClicks(spine, false);
      for (int i = 0; i < rows.size(); i++) {
        Impression row = rows.get(i);
        List<Object> expected = row.shownAt().isBefore(now) ? before.get(i) : plain.get(i);
        assertThat(after.get(i))
            .as("step %d at %s (%s), spine row %s", step, now, operation, row)
            .isEqualTo(expected);
      }

      before = after;
    }
  }

  private static UserClicks randomClicks(Random random, String user, Instant time) {
    return new UserClicks(user, time, random.nextInt(2), random.nextBoolean() ? null : 0.5);
  }

  /** Returns the clicks and ctr of each spine row, as known at its time or not. */
  private List<List<Object>> knownClicks(Spine spine, boolean asKnownAt) {
    TrainingSet.Builder builder = store.trainingSet(spine).with(CLICKS);
    List<TrainingRow> rows = (asKnownAt ? builder.asKnownAt() : builder).build().rows();
    return rows.stream()
        .map(row -> Arrays.<Object>asList(row.get(CLICKS_CLICKS), row.get(CLICKS_CTR)))
        .toList();
  }

  /**
   * An old event ingested late never hides a newer event ingested earlier: a row is chosen by its
   * event time among the rows known at the spine time, not by when it became known.
   */
  @Test
  void asKnownAtKeepsANewerEventOverALateIngestedOlderOne() {
    store.apply(CLICKS).orThrow();
    writeAt(at(-45), clicks("u1", at(-40), 1));
    writeAt(at(-20), clicks("u1", at(-30), 2));
    writeAt(at(30), clicks("u1", at(-50), 3), clicks("u2", at(-50), 4));
    Spine spine =
        spine(
            shown("u1", at(-46), "a"),
            shown("u1", at(-35), "b"),
            shown("u1", at(-10), "c"),
            shown("u1", at(40), "d"),
            shown("u2", at(-10), "e"),
            shown("u2", at(40), "f"));

    List<TrainingRow> known = store.trainingSet(spine).with(CLICKS).asKnownAt().build().rows();
    List<TrainingRow> latest = store.trainingSet(spine).with(CLICKS).build().rows();

    assertThat(known)
        .extracting(row -> row.get(CLICKS_CLICKS))
        .containsExactly(null, 1L, 2L, 2L, null, 4L);
    assertThat(latest)
        .extracting(row -> row.get(CLICKS_CLICKS))
        .containsExactly(3L, 1L, 2L, 2L, 4L, 4L);
  }

  /** A row dated after its ingestion counts from its event time on, as known at too. */
  @Test
  void asKnownAtTakesARowDatedAfterItsIngestionFromItsEventTime() {
    store.apply(CLICKS).orThrow();
    writeAt(at(-60), clicks("u1", at(10), 1), clicks("u1", at(-30), 2));
    writeAt(at(5), clicks("u1", at(-20), 3));
    Spine spine =
        spine(
            shown("u1", at(-40), "a"),
            shown("u1", at(-10), "b"),
            shown("u1", at(7), "c"),
            shown("u1", at(10), "d"),
            shown("u1", at(12), "e"));

    List<TrainingRow> known = store.trainingSet(spine).with(CLICKS).asKnownAt().build().rows();

    assertThat(known)
        .extracting(row -> row.get(CLICKS_CLICKS))
        .containsExactly(null, 2L, 3L, 1L, 1L);
  }

  /** Rows that become known at the same instant compete by event time, whatever their order. */
  @Test
  void asKnownAtPicksTheNewestOfRowsKnownAtTheSameInstant() {
    store.apply(CLICKS).orThrow();
    writeAt(
        at(-10),
        clicks("u1", at(-40), 1),
        clicks("u1", at(-20), 2),
        clicks("u1", at(-50), 3),
        clicks("u1", at(-10), 4),
        clicks("u1", at(-30), 5),
        clicks("u2", at(-30), 6),
        clicks("u2", at(-20), 7),
        clicks("u2", at(-40), 8));
    Spine spine =
        spine(
            shown("u1", at(-11), "a"),
            shown("u1", at(-10), "b"),
            shown("u2", at(-10), "c"),
            shown("u1", at(60), "d"));

    List<TrainingRow> known = store.trainingSet(spine).with(CLICKS).asKnownAt().build().rows();
    List<TrainingRow> knownBefore =
        store.trainingSet(spine).with(CLICKS).asKnownAt().strictlyBefore().build().rows();

    assertThat(known).extracting(row -> row.get(CLICKS_CLICKS)).containsExactly(null, 4L, 7L, 4L);
    assertThat(knownBefore)
        .extracting(row -> row.get(CLICKS_CLICKS))
        .containsExactly(null, 2L, 7L, 4L);
  }

  /**
   * Strictly before applies to the event time only: a row ingested exactly at the spine time is
   * known then, a row dated exactly at the spine time is not taken.
   */
  @Test
  void strictlyBeforeAsKnownAtExcludesTheEventTimeButNotTheIngestionTime() {
    store.apply(CLICKS).orThrow();
    writeAt(at(-60), clicks("u1", T, 1));
    writeAt(T, clicks("u1", at(-30), 2));
    Spine spine = spine(shown("u1", T, "a"), shown("u1", at(-1), "b"));

    List<TrainingRow> knownBefore =
        store.trainingSet(spine).with(CLICKS).asKnownAt().strictlyBefore().build().rows();
    List<TrainingRow> known = store.trainingSet(spine).with(CLICKS).asKnownAt().build().rows();
    List<TrainingRow> before =
        store.trainingSet(spine).with(CLICKS).strictlyBefore().build().rows();

    assertThat(knownBefore).extracting(row -> row.get(CLICKS_CLICKS)).containsExactly(2L, null);
    assertThat(known).extracting(row -> row.get(CLICKS_CLICKS)).containsExactly(1L, null);
    assertThat(before).extracting(row -> row.get(CLICKS_CLICKS)).containsExactly(2L, 2L);
  }

  /**
   * As known at, the TTL applies to the row known at the spine time: a newer row the store did not
   * know yet does not make an expired one fresh.
   */
  @Test
  void asKnownAtAppliesTheTtlToTheRowKnownThen() {
    store.apply(SESSIONS).orThrow();
    Instant dayBefore = T.minus(Duration.ofDays(1));
    clock.set(dayBefore);
    store.write(
        SESSIONS,
        List.of(
            new Sessions("expired", dayBefore.minusSeconds(1), 10),
            new Sessions("kept", dayBefore, 20)));
    clock.set(at(60));
    store.write(SESSIONS, List.of(new Sessions("expired", at(-60), 30)));
    Spine spine =
        spine(shown("expired", T, "a"), shown("kept", T, "b"), shown("expired", at(90), "c"));

    List<TrainingRow> known = store.trainingSet(spine).with(SESSIONS).asKnownAt().build().rows();
    List<TrainingRow> latest = store.trainingSet(spine).with(SESSIONS).build().rows();

    assertThat(known).extracting(row -> row.get(SESSIONS_MINUTES)).containsExactly(null, 20L, 30L);
    assertThat(latest).extracting(row -> row.get(SESSIONS_MINUTES)).containsExactly(30L, 20L, 30L);
  }

  // ---------------------------------------------------------------------------------------------
  // Spines and outputs

  @Test
  void writesParquetThatReadsBackAsASpine() {
    store.apply(CLICKS).orThrow();
    store.write(CLICKS, List.of(new UserClicks("u1", at(-60), 1, 0.5)));
    Path out = dir.resolve("set.parquet");

    long written =
        store
            .trainingSet(spine(shown("u1", T, "a"), shown("u2", at(-1), "b")))
            .with(CLICKS)
            .build()
            .writeParquet(out);
    List<TrainingRow> rows = store.trainingSet(Spine.parquet(out, "shown_at")).build().rows();

    assertThat(written).isEqualTo(2);
    assertThat(rows)
        .extracting(
            row ->
                Arrays.asList(
                    row.value("user_id"),
                    row.value("shown_at"),
                    row.value("label"),
                    row.value("join_clicks__clicks"),
                    row.value("join_clicks__ctr")))
        .containsExactly(
            Arrays.asList("u1", T, "a", 1L, 0.5), Arrays.asList("u2", at(-1), "b", null, null));
  }

  @Test
  void writesCsvWithAHeader() throws Exception {
    store.apply(CLICKS).orThrow();
    store.write(CLICKS, List.of(new UserClicks("u1", at(-60), 1, 0.5)));
    Path out = dir.resolve("set.csv");

    long written =
        store
            .trainingSet(spine(shown("u1", T, "a"), shown("u2", T, "b")))
            .with(CLICKS_CTR)
            .build()
            .writeCsv(out);

    assertThat(written).isEqualTo(2);
    assertThat(Files.readAllLines(out))
        .containsExactly(
            "user_id,article_id,shown_at,label,join_clicks__ctr",
            "u1,,2024-03-10 01:00:00+00,a,0.5",
            "u2,,2024-03-10 01:00:00+00,b,");
  }

  @Test
  void readsAnArrowSpineAndGivesArrowBatches() throws Exception {
    store.apply(CLICKS).orThrow();
    store.write(CLICKS, List.of(clicks("u1", at(-60), 1), clicks("u2", at(-60), 2)));

    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot batch =
            CLICKS.toArrow(List.of(clicks("u2", T, 0), clicks("u1", T, 0)), allocator)) {
      Spine spine = Spine.arrow(batch, "event_time");
      long rows = 0;
      try (ArrowReader reader =
          store
              .trainingSet(spine)
              .with(CLICKS_CLICKS, keys().as("then"))
              .build()
              .arrow(allocator)) {
        VectorSchemaRoot out = reader.getVectorSchemaRoot();
        while (reader.loadNextBatch()) {
          assertThat(out.getVector("then__clicks").getObject(0)).isEqualTo(2L);
          assertThat(out.getVector("then__clicks").getObject(1)).isEqualTo(1L);
          rows += out.getRowCount();
        }
      }

      assertThat(rows).isEqualTo(2);
    }
  }

  @Test
  void readsAnArrowReaderSpineOnce() throws Exception {
    store.apply(CLICKS).orThrow();
    store.write(CLICKS, List.of(clicks("u1", at(-60), 1)));

    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot batch = CLICKS.toArrow(List.of(clicks("u1", T, 0)), allocator);
        ArrowReader source = dev.soko.internal.RecordBatches.of(batch, allocator)) {
      dev.soko.TrainingSet set =
          store.trainingSet(Spine.arrow(source, "event_time")).with(CLICKS_CLICKS).build();

      assertThat(set.rows()).extracting(row -> row.get(CLICKS_CLICKS)).containsExactly(1L);
      assertThatThrownBy(set::rows)
          .isInstanceOf(SokoException.class)
          .hasMessage(
              "Cannot read the spine: its Arrow batches were already read, and an Arrow reader can"
                  + " be read once; make a new Spine for each output, or write the training set to"
                  + " a file and read that");
    }
  }

  @Test
  void readsASpineOfGroupRecordsTimedByTheirEventTime() {
    store.apply(CLICKS, SESSIONS).orThrow();
    store.write(SESSIONS, List.of(new Sessions("u1", at(-60), 30)));
    Spine spine = Spine.records(CLICKS, List.of(clicks("u1", T, 1), clicks("u2", T, 2)));

    List<TrainingRow> rows = store.trainingSet(spine).with(SESSIONS_MINUTES).build().rows();

    assertThat(spine.timestampColumn()).isEqualTo("event_time");
    assertThat(rows)
        .extracting(row -> Arrays.asList(row.value("user_id"), row.get(SESSIONS_MINUTES)))
        .containsExactly(Arrays.asList("u1", 30L), Arrays.asList("u2", null));
  }

  /** Writes clicks rows in one call, with the clock set to their ingestion time. */
  private void writeAt(Instant ingested, UserClicks... rows) {
    clock.set(ingested);
    store.write(CLICKS, List.of(rows));
  }

  /** Returns every value of every row of a training set, in column order. */
  private static List<List<Object>> values(TrainingSet set) {
    return set.rows().stream().map(row -> row.columns().stream().map(row::value).toList()).toList();
  }

  private static Spine spine(Impression... rows) {
    return Spine.records(Impression.class, List.of(rows), "shown_at");
  }

  private Path csv(String... lines) throws Exception {
    Path file = Files.createTempFile(dir, "spine", ".csv");
    Files.write(file, List.of(lines));
    return file;
  }
}
