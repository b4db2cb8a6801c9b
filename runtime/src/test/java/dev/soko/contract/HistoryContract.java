package dev.soko.contract;

import static dev.soko.contract.StoreFixtures.CLICKS;
import static dev.soko.contract.StoreFixtures.NOW;
import static dev.soko.contract.StoreFixtures.click;
import static dev.soko.contract.StoreFixtures.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.soko.GroupStats;
import dev.soko.TimeRange;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The offline reads: history over a range, the rows in force as of an instant, statistics. */
public abstract class HistoryContract extends StoreContract {

  @BeforeEach
  void applyClicks() {
    store.apply(CLICKS).orThrow();
  }

  @Test
  void historyReadsTheHalfOpenRangeByKeyThenEventTime() {
    store.write(
        CLICKS,
        List.of(
            click("u2", daysAgo(3), 23),
            click("u1", daysAgo(4), 14),
            click("u1", daysAgo(3), 13),
            click("u1", daysAgo(2), 12)));

    assertThat(store.history(CLICKS, TimeRange.of(daysAgo(4), daysAgo(2))))
        .containsExactly(
            click("u1", daysAgo(4), 14), click("u1", daysAgo(3), 13), click("u2", daysAgo(3), 23));
  }

  @Test
  void asOfGivesTheLatestRowAtOrBeforeTheInstantWithinTheTtl() {
    store.write(
        CLICKS,
        List.of(
            click("u1", daysAgo(20), 20),
            click("u1", daysAgo(9), 9),
            click("u1", daysAgo(7), 7),
            click("u2", daysAgo(12), 12)));

    // At day 8: u1's row of day 9 is in force (day 7 is later); u2's of day 12 is within 7 days.
    assertThat(store.asOf(CLICKS, daysAgo(8)))
        .containsExactly(click("u1", daysAgo(9), 9), click("u2", daysAgo(12), 12));
    // A row exactly at the instant is in force.
    assertThat(store.asOf(CLICKS, daysAgo(7)))
        .containsExactly(click("u1", daysAgo(7), 7), click("u2", daysAgo(12), 12));
    // At day -1, the row of day 7 is 8 days old: beyond the TTL, so no row is in force.
    assertThat(store.asOf(CLICKS, daysAgo(-1))).isEmpty();
  }

  @Test
  void asOfBreaksAnEventTimeTieByTheLatestIngested() {
    store.write(CLICKS, List.of(click("u1", daysAgo(2), 1)));
    store.write(CLICKS, List.of(click("u1", daysAgo(2), 2)));

    assertThat(store.asOf(CLICKS, NOW)).containsExactly(click("u1", daysAgo(2), 2));
  }

  @Test
  void statsCountRowsAndTellEventTimesAndLastWrite() {
    assertThat(store.describe("store_clicks").stats()).isEqualTo(GroupStats.EMPTY);

    store.write(CLICKS, List.of(click("u1", daysAgo(5), 1), click("u2", daysAgo(2), 2)));
    clock.advance(Duration.ofMinutes(1));
    store.write(CLICKS, List.of(click("u1", daysAgo(5), 3)));

    assertThat(store.describe("store_clicks").stats())
        .isEqualTo(new GroupStats(3, daysAgo(5), daysAgo(2), NOW.plus(1, ChronoUnit.MINUTES)));
  }
}
