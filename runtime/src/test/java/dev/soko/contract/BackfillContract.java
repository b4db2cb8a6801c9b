package dev.soko.contract;

import static dev.soko.contract.StoreFixtures.CLICKS;
import static dev.soko.contract.StoreFixtures.NOW;
import static dev.soko.contract.StoreFixtures.click;
import static dev.soko.contract.StoreFixtures.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soko.EntityKey;
import dev.soko.GroupStats;
import dev.soko.SokoException;
import dev.soko.TimeRange;
import dev.soko.WriteResult;
import dev.soko.contract.StoreFixtures.Click;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of {@code backfill}: it replaces exactly its range, atomically and idempotently. */
public abstract class BackfillContract extends StoreContract {

  private static final TimeRange ALL = TimeRange.of(daysAgo(365), daysAgo(-365));
  private static final TimeRange RANGE = TimeRange.of(daysAgo(6), daysAgo(3));

  private static final List<Click> ORIGINAL =
      List.of(
          click("u1", daysAgo(10), 10),
          click("u1", daysAgo(6), 6),
          click("u1", daysAgo(4), 4),
          click("u1", daysAgo(3), 3),
          click("u2", daysAgo(5), 5));

  private static final List<Click> RECOMPUTED =
      List.of(click("u1", daysAgo(5), 50), click("u3", daysAgo(4), 40));

  @BeforeEach
  void writeOriginalRows() {
    store.apply(CLICKS).orThrow();
    store.write(CLICKS, ORIGINAL);
  }

  @Test
  void backfillReplacesExactlyItsRange() {
    WriteResult result = store.backfill(CLICKS, RANGE, RECOMPUTED);

    assertThat(result.rows()).isEqualTo(2);
    assertThat(result.replaced()).isEqualTo(3);
    // The row at 'from' is replaced; the row at 'to' is outside the half-open range and stays.
    assertThat(store.history(CLICKS, ALL))
        .containsExactly(
            click("u1", daysAgo(10), 10),
            click("u1", daysAgo(5), 50),
            click("u1", daysAgo(3), 3),
            click("u3", daysAgo(4), 40));
    assertThat(rows(CLICKS)).isEqualTo(4);
  }

  // Regression: a null range reached the backend and failed inside its transaction, with a message
  // about the store file.
  @Test
  void nullRangeIsRejectedNamingItWithNothingChanged() {
    List<Click> before = store.history(CLICKS, ALL);

    assertThatThrownBy(() -> store.backfill(CLICKS, null, List.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot backfill group 'store_clicks': range is null; give one. Nothing was read or"
                + " written.");
    assertThat(store.history(CLICKS, ALL)).isEqualTo(before);
    assertThat(rows(CLICKS)).isEqualTo(5);
  }

  @Test
  void sameBackfillTwiceLeavesTheSameState() {
    store.backfill(CLICKS, RANGE, RECOMPUTED);
    List<Click> once = store.history(CLICKS, ALL);

    WriteResult again = store.backfill(CLICKS, RANGE, RECOMPUTED);

    assertThat(again.rows()).isEqualTo(2);
    // The rerun restates every row of the range unchanged: it changes none.
    assertThat(again.replaced()).isZero();
    assertThat(store.history(CLICKS, ALL)).isEqualTo(once);
    assertThat(rows(CLICKS)).isEqualTo(4);
  }

  @Test
  void emptyBackfillDeletesItsRange() {
    WriteResult result = store.backfill(CLICKS, RANGE, List.of());

    assertThat(result.rows()).isZero();
    assertThat(result.replaced()).isEqualTo(3);
    assertThat(store.history(CLICKS, ALL))
        .containsExactly(click("u1", daysAgo(10), 10), click("u1", daysAgo(3), 3));
  }

  @Test
  void backfillThatOnlyRemovesRowsIsTheLastWrite() {
    clock.advance(Duration.ofHours(1));

    store.backfill(CLICKS, ALL, List.of());

    GroupStats stats = store.describe("store_clicks").stats();
    assertThat(stats.rows()).isZero();
    assertThat(stats.lastWrite()).isEqualTo(NOW.plus(Duration.ofHours(1)));
  }

  @Test
  void replacedCountsEveryStoredRowOfTheRangeAndAWriteReplacesNone() {
    // A retried write stores its row again: the range then holds four stored rows.
    WriteResult write = store.write(CLICKS, List.of(click("u2", daysAgo(5), 5)));

    WriteResult backfill = store.backfill(CLICKS, RANGE, RECOMPUTED);

    assertThat(write.replaced()).isZero();
    assertThat(backfill.rows()).isEqualTo(2);
    assertThat(backfill.replaced()).isEqualTo(4);
  }

  @Test
  void rowOutsideTheRangeRejectsTheCallWithNothingWritten() {
    List<Click> rows = List.of(click("u1", daysAgo(5), 50), click("u9", daysAgo(3), 30));

    assertThatThrownBy(() -> store.backfill(CLICKS, RANGE, rows))
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot backfill group 'store_clicks' version 1: row 2 (key u9) has event time"
                + " 2024-03-07T00:00:00Z, outside the range [2024-03-04T00:00:00Z,"
                + " 2024-03-07T00:00:00Z). Every row of a backfill must lie in its range; nothing"
                + " was written.");
    assertThat(rows(CLICKS)).isEqualTo(5);
    assertThat(store.history(CLICKS, ALL)).hasSize(5);
  }

  @Test
  void duplicateKeyAndEventTimeRejectsTheCallNamingTheKey() {
    List<Click> rows =
        List.of(
            click("u1", daysAgo(5), 50), click("u3", daysAgo(4), 40), click("u1", daysAgo(5), 51));

    assertThatThrownBy(() -> store.backfill(CLICKS, RANGE, rows))
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot backfill group 'store_clicks' version 1: rows 1 and 3 both have key u1 and"
                + " event time 2024-03-05T00:00:00Z. A backfill states each (keys, event time)"
                + " once; nothing was written.");
    assertThat(rows(CLICKS)).isEqualTo(5);
  }

  @Test
  void backfillDoesNotTouchTheOnlineStore() {
    store.online(CLICKS).enable();

    store.backfill(
        CLICKS, TimeRange.of(daysAgo(4), daysAgo(2)), List.of(click("u1", daysAgo(3), 99)));

    assertThat(store.latest(CLICKS, EntityKey.of("u1"))).contains(click("u1", daysAgo(3), 3));
    assertThat(store.history(CLICKS, TimeRange.of(daysAgo(4), daysAgo(2))))
        .containsExactly(click("u1", daysAgo(3), 99));
  }
}
