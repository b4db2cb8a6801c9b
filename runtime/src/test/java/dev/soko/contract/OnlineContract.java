package dev.soko.contract;

import static dev.soko.contract.StoreFixtures.CLICKS;
import static dev.soko.contract.StoreFixtures.SCORES;
import static dev.soko.contract.StoreFixtures.click;
import static dev.soko.contract.StoreFixtures.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soko.EntityKey;
import dev.soko.SokoException;
import dev.soko.StoreParts;
import dev.soko.WriteResult;
import dev.soko.contract.StoreFixtures.Click;
import dev.soko.contract.StoreFixtures.Score;
import dev.soko.spi.OnlineRow;
import dev.soko.spi.OnlineStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The online store: latest value per key, TTL at read time, and the on/off switch. */
public abstract class OnlineContract extends StoreContract {

  @Test
  void newestEventTimeWinsWhateverTheWriteOrder() {
    store.apply(SCORES).orThrow();

    store.write(SCORES, List.of(new Score("eu", 1L, daysAgo(1), 0.9f)));
    store.write(SCORES, List.of(new Score("eu", 1L, daysAgo(3), 0.1f)));
    store.write(
        SCORES,
        List.of(new Score("eu", 2L, daysAgo(1), 0.5f), new Score("eu", 2L, daysAgo(2), 0.7f)));

    assertThat(store.latest(SCORES, EntityKey.of("eu", 1L)))
        .contains(new Score("eu", 1L, daysAgo(1), 0.9f));
    assertThat(store.latest(SCORES, EntityKey.of("eu", 2L)))
        .contains(new Score("eu", 2L, daysAgo(1), 0.5f));
  }

  @Test
  void sameEventTimeWrittenLaterWins() {
    store.apply(SCORES).orThrow();

    store.write(SCORES, List.of(new Score("eu", 1L, daysAgo(1), 0.1f)));
    store.write(SCORES, List.of(new Score("eu", 1L, daysAgo(1), 0.2f)));

    assertThat(store.latest(SCORES, EntityKey.of("eu", 1L)))
        .contains(new Score("eu", 1L, daysAgo(1), 0.2f));
  }

  @Test
  void writeGoesOnlineReducedToTheNewestRowPerKey() {
    store.apply(SCORES).orThrow();

    WriteResult result =
        store.write(
            SCORES,
            List.of(
                new Score("eu", 1L, daysAgo(2), 0.1f),
                new Score("eu", 1L, daysAgo(1), 0.2f),
                new Score("us", 1L, daysAgo(1), 0.3f)));

    assertThat(result.rows()).isEqualTo(3);
    assertThat(result.online()).isEqualTo(2);
  }

  @Test
  void compositeKeysAreComparedPartByPart() {
    store.apply(SCORES).orThrow();
    store.write(
        SCORES,
        List.of(new Score("1", 23L, daysAgo(1), 0.1f), new Score("12", 3L, daysAgo(1), 0.2f)));

    Map<EntityKey, Score> expected = new LinkedHashMap<>();
    expected.put(EntityKey.of("12", 3L), new Score("12", 3L, daysAgo(1), 0.2f));
    expected.put(EntityKey.of("1", 23L), new Score("1", 23L, daysAgo(1), 0.1f));
    assertThat(
            store.latest(
                SCORES,
                List.of(EntityKey.of("12", 3L), EntityKey.of("1", 3L), EntityKey.of("1", 23L))))
        .containsExactlyEntriesOf(expected);
  }

  @Test
  void ttlAppliesAtReadTime() {
    store.apply(CLICKS).orThrow();
    store.online(CLICKS).enable();
    store.write(CLICKS, List.of(click("u1", daysAgo(6), 6)));

    assertThat(store.latest(CLICKS, EntityKey.of("u1"))).contains(click("u1", daysAgo(6), 6));

    clock.advance(Duration.ofDays(1));
    assertThat(store.latest(CLICKS, EntityKey.of("u1"))).contains(click("u1", daysAgo(6), 6));

    clock.advance(Duration.ofSeconds(1));
    assertThat(store.latest(CLICKS, EntityKey.of("u1"))).isEmpty();
  }

  @Test
  void enableBootstrapsTheLatestValuesWithinTheTtl() {
    store.apply(CLICKS).orThrow();
    store.write(
        CLICKS,
        List.of(
            click("u1", daysAgo(10), 10),
            click("u1", daysAgo(2), 2),
            click("u1", daysAgo(3), 3),
            click("u2", daysAgo(9), 9)));

    long keys = store.online(CLICKS).enable();

    assertThat(keys).isEqualTo(1);
    assertThat(store.online(CLICKS).isEnabled()).isTrue();
    assertThat(store.latest(CLICKS, List.of(EntityKey.of("u1"), EntityKey.of("u2"))))
        .containsExactlyEntriesOf(Map.of(EntityKey.of("u1"), click("u1", daysAgo(2), 2)));
  }

  // Regression: enabling read the offline store as of now, so a row dated after now (a producer's
  // clock ahead of the store's) was left out and an older value was served instead.
  @Test
  void enableBootstrapsRowsDatedAfterNowAsTheWritesDid() {
    store.apply(CLICKS).orThrow();
    store.online(CLICKS).enable();
    store.write(
        CLICKS,
        List.of(
            click("u1", daysAgo(1), 1),
            click("u1", StoreFixtures.NOW.plusSeconds(60), 2),
            click("u2", daysAgo(1), 3)));
    Map<EntityKey, Click> served =
        store.latest(CLICKS, List.of(EntityKey.of("u1"), EntityKey.of("u2")));

    store.online(CLICKS).disable();
    long keys = store.online(CLICKS).enable();

    assertThat(keys).isEqualTo(2);
    assertThat(store.latest(CLICKS, List.of(EntityKey.of("u1"), EntityKey.of("u2"))))
        .isEqualTo(served)
        .containsEntry(EntityKey.of("u1"), click("u1", StoreFixtures.NOW.plusSeconds(60), 2));
  }

  @Test
  void disableThenWriteThenEnableServesTheWriteMadeWhileOff() {
    store.apply(CLICKS).orThrow();
    store.online(CLICKS).enable();
    store.write(CLICKS, List.of(click("u1", daysAgo(3), 3)));

    store.online(CLICKS).disable();
    store.write(CLICKS, List.of(click("u1", daysAgo(2), 2), click("u2", daysAgo(8), 8)));

    assertThat(store.online(CLICKS).isMaterialized()).isFalse();
    assertThat(store.online(CLICKS).enable()).isEqualTo(1);
    assertThat(store.latest(CLICKS, List.of(EntityKey.of("u1"), EntityKey.of("u2"))))
        .containsExactlyEntriesOf(Map.of(EntityKey.of("u1"), click("u1", daysAgo(2), 2)));
  }

  /** The TTL is "more than the TTL old reads as absent": exactly the TTL old is still served. */
  @Test
  void valueExactlyTheTtlOldIsServedAndBootstrappedAndOneMicrosecondMoreIsNot() {
    store.apply(CLICKS).orThrow();
    store.write(
        CLICKS, List.of(click("u1", daysAgo(7), 7), click("u2", daysAgo(7).minusNanos(1000), 8)));

    assertThat(store.online(CLICKS).enable()).isEqualTo(1);
    assertThat(store.latest(CLICKS, List.of(EntityKey.of("u1"), EntityKey.of("u2"))))
        .containsExactlyEntriesOf(Map.of(EntityKey.of("u1"), click("u1", daysAgo(7), 7)));

    clock.advance(Duration.ofNanos(1000));
    assertThat(store.latest(CLICKS, EntityKey.of("u1"))).isEmpty();
  }

  @Test
  void enableIsIdempotent() {
    store.apply(CLICKS).orThrow();
    store.write(CLICKS, List.of(click("u1", daysAgo(2), 2)));

    store.online(CLICKS).enable();
    store.write(CLICKS, List.of(click("u1", daysAgo(1), 1)));
    store.online(CLICKS).enable();

    assertThat(store.online(CLICKS).isEnabled()).isTrue();
    assertThat(store.latest(CLICKS, EntityKey.of("u1"))).contains(click("u1", daysAgo(1), 1));
    assertThat(store.describe("store_clicks").online()).isTrue();
  }

  @Test
  void disableDeletesTheOnlineValuesAndIsIdempotent() {
    store.apply(CLICKS).orThrow();
    store.online(CLICKS).enable();
    store.write(CLICKS, List.of(click("u1", daysAgo(2), 2)));

    store.online(CLICKS).disable();
    store.online(CLICKS).disable();

    assertThat(store.online(CLICKS).isEnabled()).isFalse();
    assertThat(store.online(CLICKS).isMaterialized()).isFalse();
    assertThat(store.describe("store_clicks").online()).isFalse();
    assertThatThrownBy(() -> store.latest(CLICKS, EntityKey.of("u1")))
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot read the latest values of group 'store_clicks': online serving is off for it."
                + " Turn it on with store.online(group).enable(), or `soko online enable"
                + " store_clicks`.");
    // Writes while off go offline only; turning on again bootstraps them.
    store.write(CLICKS, List.of(click("u1", daysAgo(1), 1)));
    assertThat(store.online(CLICKS).enable()).isEqualTo(1);
    assertThat(store.latest(CLICKS, EntityKey.of("u1"))).contains(click("u1", daysAgo(1), 1));
  }

  @Test
  void groupNeverEnabledHasNoOnlineTable() {
    store.apply(CLICKS).orThrow();

    WriteResult result = store.write(CLICKS, List.of(click("u1", daysAgo(1), 1)));

    assertThat(result.online()).isZero();
    assertThat(store.online(CLICKS).isEnabled()).isFalse();
    assertThat(store.online(CLICKS).isMaterialized()).isFalse();
  }

  @Test
  void groupAppliedWithOnlineOnIsServedFromTheFirstWrite() {
    store.apply(SCORES).orThrow();

    assertThat(store.online(SCORES).isEnabled()).isTrue();
    assertThat(store.online(SCORES).isMaterialized()).isTrue();
    assertThat(store.latest(SCORES, EntityKey.of("eu", 1L))).isEmpty();
  }

  @Test
  void untypedLatestGivesNamedValues() {
    store.apply(CLICKS).orThrow();
    store.online("store_clicks").enable();
    store.write(CLICKS, List.of(new Click("u1", daysAgo(1), 4, 0.25)));

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("user_id", "u1");
    expected.put("event_time", daysAgo(1));
    expected.put("clicks", 4L);
    expected.put("ctr", 0.25);
    assertThat(store.latest("store_clicks", EntityKey.of("u1")).orElseThrow())
        .containsExactlyEntriesOf(expected);
  }

  @Test
  void keyOfTheWrongShapeIsRejectedNamingTheFix() {
    store.apply(SCORES).orThrow();

    assertThatThrownBy(() -> store.latest(SCORES, EntityKey.of("eu")))
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot read the latest values of group 'store_scores': key eu ([String]) does not fit"
                + " the group's keys [region STRING, item_id LONG]: give one value per key column,"
                + " in that order: a String for a STRING key, an Integer for an INT key, a Long (or"
                + " an Integer) for a LONG key.");
    assertThatThrownBy(() -> store.latest(SCORES, EntityKey.of(1L, "eu")))
        .isInstanceOf(SokoException.class)
        .hasMessageStartingWith(
            "Cannot read the latest values of group 'store_scores': key [1, eu] ([Long, String])"
                + " does not fit the group's keys [region STRING, item_id LONG]");
  }

  // Regression: an Integer given for a LONG key was rejected, though it names the same entity.
  @Test
  void integerGivenForALongKeyIsWidenedAndMatches() {
    store.apply(SCORES).orThrow();
    store.write(SCORES, List.of(new Score("eu", 1L, daysAgo(1), 0.5f)));

    assertThat(store.latest(SCORES, EntityKey.of("eu", 1)))
        .contains(new Score("eu", 1L, daysAgo(1), 0.5f));
    assertThat(store.latest(SCORES, List.of(EntityKey.of("eu", 1), EntityKey.of("eu", 2))))
        .containsExactly(Map.entry(EntityKey.of("eu", 1), new Score("eu", 1L, daysAgo(1), 0.5f)));
  }

  // Regression: a Long given for an INT key must be refused with the fix, not silently missed.
  @Test
  void longGivenForAnIntKeyIsRejectedNamingTheFix() {
    store.apply(StoreFixtures.EVERYTHING).orThrow();
    store.online(StoreFixtures.EVERYTHING).enable();

    assertThatThrownBy(() -> store.latest(StoreFixtures.EVERYTHING, EntityKey.of(1L)))
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot read the latest values of group 'store_everything': key 1 ([Long]) does not"
                + " fit the group's keys [id INT]: give one value per key column, in that order: a"
                + " String for a STRING key, an Integer for an INT key, a Long (or an Integer) for"
                + " a LONG key.");
  }

  // Regression: a null key in a list failed with a bare NullPointerException.
  @Test
  void nullKeyInALookupIsRejectedNamingItsPosition() {
    store.apply(SCORES).orThrow();

    assertThatThrownBy(
            () -> store.latest(SCORES, java.util.Arrays.asList(EntityKey.of("eu", 1L), null)))
        .isInstanceOf(SokoException.class)
        .hasMessageStartingWith(
            "Cannot read the latest values of group 'store_scores': key 2 is null. The group's"
                + " keys are [region STRING, item_id LONG]");
  }

  @Test
  void materializeRepairsADamagedOnlineCopyFromTheOfflineStore() {
    store.apply(CLICKS).orThrow();
    store.online(CLICKS).enable();
    store.write(
        CLICKS,
        List.of(
            click("u1", daysAgo(3), 3), click("u1", daysAgo(2), 2), click("u2", daysAgo(1), 1)));
    // Damage the online copy through the backend itself: u2 is lost, u1 gets a wrong value dated
    // after the true one (so that writes and enable() would keep it), and u9 appears from nowhere.
    OnlineStore online = StoreParts.online(store);
    online.drop(CLICKS.spec());
    online.create(CLICKS.spec());
    online.write(
        CLICKS.spec(),
        List.of(
            new OnlineRow(EntityKey.of("u1"), daysAgo(0), StoreFixtures.NOW, List.of(99L, 0.5)),
            new OnlineRow(EntityKey.of("u9"), daysAgo(1), StoreFixtures.NOW, List.of(9L, 0.9))));
    List<EntityKey> keys = List.of(EntityKey.of("u1"), EntityKey.of("u2"), EntityKey.of("u9"));
    assertThat(store.latest(CLICKS, keys))
        .containsOnlyKeys(EntityKey.of("u1"), EntityKey.of("u9"))
        .containsEntry(EntityKey.of("u1"), new Click("u1", daysAgo(0), 99, 0.5));

    long materialized = store.online(CLICKS).materialize();

    Map<EntityKey, Click> expected = new LinkedHashMap<>();
    expected.put(EntityKey.of("u1"), click("u1", daysAgo(2), 2));
    expected.put(EntityKey.of("u2"), click("u2", daysAgo(1), 1));
    assertThat(materialized).isEqualTo(2);
    assertThat(store.latest(CLICKS, keys)).containsExactlyEntriesOf(expected);
    assertThat(store.online(CLICKS).isEnabled()).isTrue();
  }

  @Test
  void materializeIsIdempotentAndKeepsTheTtlAndRowsDatedAfterNow() {
    store.apply(CLICKS).orThrow();
    store.online(CLICKS).enable();
    store.write(
        CLICKS,
        List.of(
            click("u1", daysAgo(8), 8),
            click("u2", daysAgo(1), 1),
            click("u2", StoreFixtures.NOW.plusSeconds(60), 2)));
    List<EntityKey> keys = List.of(EntityKey.of("u1"), EntityKey.of("u2"));

    long first = store.online(CLICKS).materialize();
    Map<EntityKey, Click> afterFirst = store.latest(CLICKS, keys);
    long second = store.online(CLICKS).materialize();

    assertThat(first).isEqualTo(1);
    assertThat(second).isEqualTo(1);
    assertThat(afterFirst)
        .containsExactlyEntriesOf(
            Map.of(EntityKey.of("u2"), click("u2", StoreFixtures.NOW.plusSeconds(60), 2)));
    assertThat(store.latest(CLICKS, keys)).isEqualTo(afterFirst);
  }

  @Test
  void materializeRefusesAGroupWhoseOnlineServingIsOff() {
    store.apply(CLICKS).orThrow();
    store.write(CLICKS, List.of(click("u1", daysAgo(1), 1)));

    assertThatThrownBy(() -> store.online(CLICKS).materialize())
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot materialize group 'store_clicks' online: online serving is off for it. Turn it"
                + " on first with store.online(group).enable(), which materializes it.");
    assertThat(store.online(CLICKS).isMaterialized()).isFalse();
  }

  @Test
  void materializeRefusesAGroupNeverApplied() {
    assertThatThrownBy(() -> store.online(CLICKS).materialize())
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot materialize group 'store_clicks' online: group 'store_clicks' version 1 was"
                + " never applied. Apply it first: store.apply(<Group>.DEFINITION), or `soko"
                + " apply`.");
  }

  /**
   * Eight threads read the latest values of known keys while another thread writes newer values:
   * every read gives, for each key, exactly one of the rows written for it, never an error or a row
   * made of two writes.
   */
  @Test
  void readsRunWhileWritesGiveOneWrittenRowPerKey() throws Exception {
    store.apply(SCORES).orThrow();
    int keyCount = 20;
    int rounds = 30;
    List<EntityKey> keys = new ArrayList<>();
    for (long item = 0; item < keyCount; item++) {
      keys.add(EntityKey.of("eu", item));
    }

    store.write(SCORES, round(0, keyCount));
    ExecutorService threads = Executors.newFixedThreadPool(9);
    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean writing = new AtomicBoolean(true);
    try {
      List<Future<List<Map<EntityKey, Score>>>> readers = new ArrayList<>();
      for (int reader = 0; reader < 8; reader++) {
        readers.add(
            threads.submit(
                () -> {
                  List<Map<EntityKey, Score>> seen = new ArrayList<>();
                  start.await();
                  do {
                    seen.add(store.latest(SCORES, keys));
                  } while (writing.get());

                  seen.add(store.latest(SCORES, keys));
                  return seen;
                }));
      }

      Future<?> writer =
          threads.submit(
              () -> {
                try {
                  start.await();
                  for (int r = 1; r <= rounds; r++) {
                    store.write(SCORES, round(r, keyCount));
                  }
                } finally {
                  writing.set(false);
                }

                return null;
              });
      start.countDown();
      writer.get();

      Set<Score> written = new HashSet<>();
      for (int r = 0; r <= rounds; r++) {
        written.addAll(round(r, keyCount));
      }

      for (Future<List<Map<EntityKey, Score>>> reader : readers) {
        List<Map<EntityKey, Score>> seen = reader.get();
        for (Map<EntityKey, Score> read : seen) {
          assertThat(read.keySet()).containsExactlyElementsOf(keys);
          read.forEach(
              (key, score) -> {
                assertThat(EntityKey.of(score.region(), score.itemId())).isEqualTo(key);
                assertThat(written).contains(score);
              });
        }

        assertThat(seen.get(seen.size() - 1).values())
            .containsExactlyElementsOf(round(rounds, keyCount));
      }
    } finally {
      threads.shutdownNow();
    }
  }

  /** Returns the row of each key written in a round: the event time and score tell the round. */
  private static List<Score> round(int round, int keyCount) {
    List<Score> rows = new ArrayList<>();
    for (long item = 0; item < keyCount; item++) {
      rows.add(
          new Score(
              "eu",
              item,
              daysAgo(2).plus(Duration.ofMinutes(round)),
              (float) (round * 1000 + item)));
    }

    return rows;
  }
}
