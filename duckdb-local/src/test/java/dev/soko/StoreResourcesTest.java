package dev.soko;

import static dev.soko.contract.StoreFixtures.CLICKS;
import static dev.soko.contract.StoreFixtures.NOW;
import static dev.soko.contract.StoreFixtures.click;
import static dev.soko.contract.StoreFixtures.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soko.contract.MutableClock;
import dev.soko.contract.StoreFixtures.Click;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failed operations release what they took: the store's Arrow memory, the caller's, and the DuckDB
 * sessions of joins, so that the store closes cleanly and its file opens again.
 */
class StoreResourcesTest {

  private static final TimeRange ALL = TimeRange.of(daysAgo(30), NOW);

  /** A spine row. */
  record Shown(String userId, Instant shownAt) {}

  @TempDir Path dir;

  @Test
  void failedWritesBackfillsAndJoinsLeaveNoArrowMemoryHeld() throws Exception {
    MutableClock clock = new MutableClock(NOW);
    try (FeatureStore store =
            FeatureStore.builder().config(StoreConfig.local(dir)).clock(clock).open();
        BufferAllocator caller = new RootAllocator()) {
      store.apply(CLICKS).orThrow();
      List<Click> twice = List.of(click("u1", daysAgo(2), 1), click("u1", daysAgo(2), 2));
      store.write(CLICKS, twice);

      assertThatThrownBy(() -> store.backfill(CLICKS, TimeRange.of(daysAgo(3), daysAgo(1)), twice))
          .isInstanceOf(SokoException.class);
      assertThatThrownBy(
              () ->
                  store.backfill(
                      CLICKS, TimeRange.of(daysAgo(9), daysAgo(8)), List.of(click("u", NOW, 1))))
          .isInstanceOf(SokoException.class);
      try (VectorSchemaRoot batch = CLICKS.toArrow(twice, caller)) {
        assertThatThrownBy(() -> store.write("store_scores", batch))
            .isInstanceOf(SokoException.class);
        assertThatThrownBy(
                () ->
                    store
                        .trainingSet(Spine.arrow(batch, "shown_at"))
                        .with(CLICKS)
                        .build()
                        .arrow(caller))
            .isInstanceOf(SokoException.class);
      }

      assertThatThrownBy(
              () ->
                  store
                      .trainingSet(Spine.records(Shown.class, List.of(), "shown_at"))
                      .with("no_such_group")
                      .build())
          .isInstanceOf(SokoException.class);

      assertThat(store.history(CLICKS, ALL)).containsExactly(click("u1", daysAgo(2), 2));
      assertThat(store.allocator().getAllocatedMemory()).isZero();
      assertThat(caller.getAllocatedMemory()).isZero();
    }
  }

  @Test
  void failedJoinsLeaveNoSessionOpenSoTheFileOpensAgain() throws Exception {
    Path spine = dir.resolve("spine.csv");
    Files.writeString(spine, "user_id,shown_at\nu1,2024-03-09T10:00:00Z\n");
    try (FeatureStore store = FeatureStore.builder().config(StoreConfig.local(dir)).open()) {
      store.apply(CLICKS).orThrow();
      store.write(CLICKS, List.of(click("u1", daysAgo(2), 1)));
      for (int i = 0; i < 3; i++) {
        TrainingSet set =
            store.trainingSet(Spine.csv(spine, "no_such_column")).with(CLICKS).build();
        assertThatThrownBy(set::rows).isInstanceOf(SokoException.class);
        assertThatThrownBy(() -> set.writeParquet(dir.resolve("set.parquet")))
            .isInstanceOf(SokoException.class);
      }
    }

    try (FeatureStore again = FeatureStore.builder().config(StoreConfig.local(dir)).open()) {
      assertThat(again.history(CLICKS, ALL)).containsExactly(click("u1", daysAgo(2), 1));
    }
  }
}
