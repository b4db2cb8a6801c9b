package dev.soko.contract;

import static dev.soko.contract.StoreFixtures.CLICKS;
import static dev.soko.contract.StoreFixtures.SCORES;
import static dev.soko.contract.StoreFixtures.click;
import static dev.soko.contract.StoreFixtures.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soko.EntityKey;
import dev.soko.SokoException;
import dev.soko.WriteResult;
import dev.soko.contract.StoreFixtures.Click;
import dev.soko.contract.StoreFixtures.Score;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  void keyOfTheWrongShapeIsRejected() {
    store.apply(SCORES).orThrow();

    assertThatThrownBy(() -> store.latest(SCORES, EntityKey.of("eu", 1)))
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot read the latest values of group 'store_scores': key [eu, 1] does not fit the"
                + " group's keys [region STRING, item_id LONG].");
  }
}
