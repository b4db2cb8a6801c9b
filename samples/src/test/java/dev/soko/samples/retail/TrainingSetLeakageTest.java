package dev.soko.samples.retail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soko.Column;
import dev.soko.FeatureStore;
import dev.soko.GroupDefinition;
import dev.soko.KeyMapping;
import dev.soko.Spine;
import dev.soko.StoreConfig;
import dev.soko.TrainingRow;
import dev.soko.samples.retail.RawLines.Line;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recomputes training rows from the raw files cut at their snapshot date and finds the values of
 * the training set: nothing from after the snapshot leaks in, although the store holds the rows of
 * the ten days after each snapshot.
 */
class TrainingSetLeakageTest {

  private static final List<LocalDate> SNAPSHOTS =
      List.of(LocalDate.parse("2011-03-31"), LocalDate.parse("2011-06-30"));

  @TempDir Path folder;

  @Test
  void trainingRowsMatchARecomputationFromDataCutAtTheirSnapshot() {
    Map<LocalDate, List<Line>> cut = new HashMap<>();
    long customers = 0;
    for (LocalDate snapshot : SNAPSHOTS) {
      List<Line> lines = RawLines.upTo(RetailData.folder(), snapshot);
      cut.put(snapshot, lines);
      customers += lines.stream().filter(Line::isOrder).map(Line::customerId).distinct().count();
    }

    LocalDate lastLoaded = SNAPSHOTS.get(1).plusDays(30);
    List<TrainingRow> rows;
    try (Transactions transactions = Transactions.open(RetailData.folder());
        FeatureStore store =
            FeatureStore.builder()
                .config(StoreConfig.local(folder))
                .clock(new ShopClock(FeaturePipeline.endOfDay(lastLoaded)))
                .open()) {
      store.apply(CustomerActivityGroup.DEFINITION, ItemPopularityGroup.DEFINITION);
      transactions.load(lastLoaded);
      HistoryBackfill backfill = new HistoryBackfill(store, new FeaturePipeline(transactions));
      for (LocalDate snapshot : SNAPSHOTS) {
        backfill.run(snapshot.minusDays(2), snapshot.plusDays(10));
      }

      Path spine = folder.resolve("spine.parquet");
      assertThat(ChurnSpine.writeParquet(transactions, SNAPSHOTS, spine)).isEqualTo(customers);
      rows =
          store
              .trainingSet(Spine.parquet(spine, "snapshot_at"))
              .with(CustomerActivityGroup.DEFINITION)
              .with(ItemPopularityGroup.DEFINITION, KeyMapping.keys("stock_code", "top_item"))
              .build()
              .rows();
    }

    assertThat(rows).hasSize((int) customers);
    List<TrainingRow> checked = new ArrayList<>();
    for (LocalDate snapshot : SNAPSHOTS) {
      Instant at = FeaturePipeline.endOfDay(snapshot);
      List<TrainingRow> ofSnapshot =
          rows.stream().filter(r -> at.equals(instant(r.value("snapshot_at")))).toList();
      // The first five customers of each snapshot, whatever they hold: active or not, with a
      // top item that sold in the last 30 days or not.
      checked.addAll(ofSnapshot.subList(0, 5));
    }

    assertThat(checked).hasSize(10);
    int active = 0;
    for (TrainingRow row : checked) {
      LocalDate snapshot = day(instant(row.value("snapshot_at")));
      String customer = (String) row.value("customer_id");
      List<Line> lines =
          cut.get(snapshot).stream().filter(l -> l.customerId().equals(customer)).toList();
      Optional<String> topItem = Recompute.topItem(lines, customer, snapshot);
      assertThat(row.value("top_item")).isEqualTo(topItem.orElse(null));

      Optional<CustomerActivity> activity = Recompute.customer(lines, customer, snapshot);
      assertFeatures(row, CustomerActivityGroup.DEFINITION, activity);
      active += activity.isPresent() ? 1 : 0;

      Optional<ItemPopularity> popularity =
          topItem.flatMap(
              code ->
                  Recompute.product(
                      cut.get(snapshot).stream().filter(l -> l.stockCode().equals(code)).toList(),
                      code,
                      snapshot));
      assertFeatures(row, ItemPopularityGroup.DEFINITION, popularity);
    }

    // Both kinds of rows were checked: customers active at the snapshot and customers whose last
    // order is more than 90 days old, whose features are null.
    assertThat(active).isBetween(1, 9);
  }

  private static <R extends Record> void assertFeatures(
      TrainingRow row, GroupDefinition<R> group, Optional<R> expected) {
    List<Column> features = group.spec().features();
    Object[] values = expected.map(group::values).orElse(null);
    int first = group.spec().keys().size() + 1;
    for (int i = 0; i < features.size(); i++) {
      String column = group.name() + "__" + features.get(i).name();
      assertThat(row.value(column))
          .as("%s of %s at %s", column, row.value("customer_id"), row.value("snapshot_at"))
          .isEqualTo(values == null ? null : values[first + i]);
    }
  }

  private static Instant instant(Object value) {
    return value instanceof Instant instant
        ? instant
        : ((java.time.OffsetDateTime) value).toInstant();
  }

  private static LocalDate day(Instant endOfDay) {
    return endOfDay.atZone(FeaturePipeline.SHOP_ZONE).toLocalDate().minusDays(1);
  }
}
