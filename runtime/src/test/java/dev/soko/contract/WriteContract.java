package dev.soko.contract;

import static dev.soko.contract.StoreFixtures.CLICKS;
import static dev.soko.contract.StoreFixtures.EVERYTHING;
import static dev.soko.contract.StoreFixtures.SCORES;
import static dev.soko.contract.StoreFixtures.click;
import static dev.soko.contract.StoreFixtures.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soko.GroupDefinition;
import dev.soko.SokoException;
import dev.soko.TimeRange;
import dev.soko.WriteResult;
import dev.soko.contract.StoreFixtures.Click;
import dev.soko.contract.StoreFixtures.Everything;
import dev.soko.contract.StoreFixtures.Score;
import dev.soko.internal.ArrowValues;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.junit.jupiter.api.Test;

/** The rules of {@code write}: appends, deduplication, and rejected input. */
public abstract class WriteContract extends StoreContract {

  private static final TimeRange ALL = TimeRange.of(daysAgo(365), daysAgo(-365));

  @Test
  void writeAppendsRowsThatHistoryReadsBack() {
    store.apply(CLICKS).orThrow();

    WriteResult result =
        store.write(
            CLICKS,
            List.of(
                click("u2", daysAgo(2), 20),
                new Click("u1", daysAgo(1), 11, 0.5),
                click("u1", daysAgo(3), 13)));

    assertThat(result.rows()).isEqualTo(3);
    assertThat(result.online()).isZero();
    assertThat(store.history(CLICKS, ALL))
        .containsExactly(
            click("u1", daysAgo(3), 13),
            new Click("u1", daysAgo(1), 11, 0.5),
            click("u2", daysAgo(2), 20));
  }

  @Test
  void lastOfDuplicateRowsInOneWriteWins() {
    store.apply(CLICKS).orThrow();

    WriteResult result =
        store.write(
            CLICKS,
            List.of(
                click("u1", daysAgo(1), 1),
                click("u2", daysAgo(1), 7),
                click("u1", daysAgo(1), 2)));

    assertThat(result.rows()).isEqualTo(2);
    assertThat(rows(CLICKS)).isEqualTo(2);
    assertThat(store.history(CLICKS, ALL))
        .containsExactly(click("u1", daysAgo(1), 2), click("u2", daysAgo(1), 7));
  }

  @Test
  void laterWriteWinsAcrossCalls() {
    store.apply(CLICKS).orThrow();

    store.write(CLICKS, List.of(click("u1", daysAgo(1), 1)));
    store.write(CLICKS, List.of(click("u1", daysAgo(1), 5)));

    assertThat(rows(CLICKS)).isEqualTo(2);
    assertThat(store.history(CLICKS, ALL)).containsExactly(click("u1", daysAgo(1), 5));
  }

  @Test
  void nullKeyIsRejectedWithNothingWritten() {
    store.apply(CLICKS).orThrow();

    assertThatThrownBy(
            () ->
                store.write(
                    CLICKS, List.of(click("u1", daysAgo(1), 1), click(null, daysAgo(1), 2))))
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot write to group 'store_clicks': row 2 has a null key 'user_id'. Keys, the"
                + " event time and primitive features must not be null; nothing was written.");
    assertThat(rows(CLICKS)).isZero();
  }

  @Test
  void nullEventTimeIsRejectedWithNothingWritten() {
    store.apply(CLICKS).orThrow();

    assertThatThrownBy(() -> store.write(CLICKS, List.of(click("u1", null, 1))))
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot write to group 'store_clicks': row 1 has a null event time 'event_time'. Keys,"
                + " the event time and primitive features must not be null; nothing was written.");
    assertThat(rows(CLICKS)).isZero();
  }

  @Test
  void nullKeyInAnArrowBatchIsRejectedWithNothingWritten() {
    store.apply(CLICKS).orThrow();
    List<Object[]> values = new ArrayList<>();
    values.add(new Object[] {"u1", daysAgo(1), 1L, null});
    values.add(new Object[] {"u2", daysAgo(1), 2L, 0.1});
    values.add(new Object[] {null, daysAgo(1), 3L, 0.2});

    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot batch = ArrowValues.batch(CLICKS.spec().columns(), values, allocator)) {
      assertThatThrownBy(() -> store.write(CLICKS.spec(), batch))
          .isInstanceOf(SokoException.class)
          .hasMessage(
              "Cannot write to group 'store_clicks' version 1: row 3 has a null key 'user_id'."
                  + " Keys, the event time and primitive features must not be null; nothing was"
                  + " written.");
    }

    assertThat(rows(CLICKS)).isZero();
  }

  @Test
  void batchOfAnotherGroupIsRejectedWithNothingWritten() {
    store.apply(CLICKS, SCORES).orThrow();
    List<Score> scores = List.of(new Score("eu", 1L, daysAgo(1), 0.5f));

    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot batch = SCORES.toArrow(scores, allocator)) {
      assertThatThrownBy(() -> store.write("store_clicks", batch))
          .isInstanceOf(SokoException.class)
          .hasMessage(
              "Cannot write to group 'store_clicks' version 1: the batch has a column 'region'"
                  + " that the group does not have (its columns are user_id, event_time, clicks,"
                  + " ctr). Rows of another group or version cannot be written to it; nothing was"
                  + " written.");
    }

    assertThat(rows(CLICKS)).isZero();
  }

  @Test
  void batchMissingAColumnOrWithAMistypedOneIsRejectedWithNothingWritten() {
    store.apply(CLICKS).orThrow();
    store.write(CLICKS, List.of(click("u1", daysAgo(2), 2)));
    List<dev.soko.Column> mistyped =
        List.of(
            dev.soko.Column.key("user_id", dev.soko.FeatureType.STRING),
            dev.soko.Column.eventTime("event_time"),
            dev.soko.Column.feature("clicks", dev.soko.FeatureType.LONG, false),
            dev.soko.Column.feature("ctr", dev.soko.FeatureType.FLOAT, true));
    List<Object[]> values = new ArrayList<>();
    values.add(new Object[] {"u1", daysAgo(1), 1L, 0.5f});

    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot wrong = ArrowValues.batch(mistyped, values, allocator)) {
      VectorSchemaRoot missing = new VectorSchemaRoot(wrong.getFieldVectors().subList(0, 3));
      assertThatThrownBy(() -> store.write("store_clicks", missing))
          .isInstanceOf(SokoException.class)
          .hasMessage(
              "Cannot write to group 'store_clicks' version 1: the batch has no column 'ctr'. A"
                  + " batch must hold every column of the group (user_id, event_time, clicks,"
                  + " ctr); nothing was written.");
      assertThatThrownBy(() -> store.write("store_clicks", wrong))
          .isInstanceOf(SokoException.class)
          .hasMessage(
              "Cannot write to group 'store_clicks' version 1: column 'ctr' has Arrow type"
                  + " FloatingPoint(SINGLE), but the group declares it DOUBLE"
                  + " (FloatingPoint(DOUBLE)); nothing was written.");
    }

    assertThat(rows(CLICKS)).isEqualTo(1);
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void recordsOfAnotherGroupAreRejectedWithNothingWritten() {
    store.apply(CLICKS, SCORES).orThrow();
    List rows = List.of(click("u1", daysAgo(1), 1), new Score("eu", 1L, daysAgo(1), 0.5f));

    assertThatThrownBy(() -> store.write((GroupDefinition) CLICKS, rows))
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot write to group 'store_clicks': row 2 is a "
                + Score.class.getName()
                + ", not a "
                + Click.class.getName()
                + ". Rows of another group cannot be written to it; nothing was written.");
    assertThat(rows(CLICKS)).isZero();
  }

  @Test
  void groupThatWasNeverAppliedIsAnError() {
    assertThatThrownBy(() -> store.write(CLICKS, List.of(click("u1", daysAgo(1), 1))))
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot write to group 'store_clicks' version 1: group 'store_clicks' version 1 was"
                + " never applied. Apply it first: store.apply(<Group>.DEFINITION), or `soko"
                + " apply`.");
    assertThatThrownBy(() -> store.history(CLICKS, ALL))
        .isInstanceOf(SokoException.class)
        .hasMessageStartingWith(
            "Cannot read the history of group 'store_clicks': group 'store_clicks' version 1 was"
                + " never applied.");
  }

  @Test
  void everyFeatureTypeRoundTrips() {
    store.apply(EVERYTHING).orThrow();
    Everything full =
        new Everything(
            7,
            daysAgo(1),
            true,
            -3,
            1L << 40,
            0.25f,
            2.5,
            "héllo",
            Instant.parse("2024-01-02T03:04:05.123456Z"),
            LocalDate.of(2024, 2, 29),
            new byte[] {1, 2, 3},
            new float[] {0.5f, -1.0f},
            List.of("a", "b"),
            List.of(1L, 2L, 3L));
    Everything sparse =
        new Everything(
            8, daysAgo(2), false, 0, 0L, 0f, 0.0, null, null, null, null, null, null, null);

    store.write(EVERYTHING, List.of(full, sparse));

    List<Everything> read = store.history(EVERYTHING, ALL);
    assertThat(read).hasSize(2);
    assertThat(read.get(0)).usingRecursiveComparison().isEqualTo(full);
    assertThat(read.get(1)).usingRecursiveComparison().isEqualTo(sparse);
  }

  // Regression: a null element inside a float[] was stored, and read back as NaN.
  @Test
  void nullElementInsideAFloatArrayIsRejectedNamingColumnRowAndElement() {
    store.apply(EVERYTHING).orThrow();
    List<Object[]> values = new ArrayList<>();
    values.add(everything(1, null));
    values.add(everything(2, new float[] {0.5f, 2f, 1.5f}));

    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot batch =
            ArrowValues.batch(EVERYTHING.spec().columns(), values, allocator)) {
      ((ListVector) batch.getVector("embedding")).getDataVector().setNull(1);
      String problem =
          ": row 2 of float[] column 'embedding' has a null at element 2, which a float[] cannot"
              + " hold. Write NaN for a missing element, or a null for the whole value; nothing"
              + " was written.";

      assertThatThrownBy(() -> store.write(EVERYTHING.spec(), batch))
          .isInstanceOf(SokoException.class)
          .hasMessage("Cannot write to group 'store_everything' version 1" + problem);
      assertThatThrownBy(() -> store.backfill(EVERYTHING.spec(), ALL, batch))
          .isInstanceOf(SokoException.class)
          .hasMessage("Cannot backfill group 'store_everything' version 1" + problem);
    }

    assertThat(rows(EVERYTHING)).isZero();
  }

  private static Object[] everything(int id, float[] embedding) {
    return new Object[] {
      id, daysAgo(1), true, 1, 2L, 0.5f, 1.5, null, null, null, null, embedding, null, null
    };
  }
}
