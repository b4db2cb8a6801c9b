package dev.soko.samples.retail;

import dev.soko.FeatureStore;
import dev.soko.TimeRange;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Recomputes both groups for a range of days and backfills them, one calendar month per backfill
 * call. Each call replaces everything the store holds for its days, so running it again over the
 * same days leaves the same rows.
 */
final class HistoryBackfill {

  private final FeaturePipeline pipeline;
  private final CustomerActivityWriter customers;
  private final ItemPopularityWriter products;
  private Duration computing = Duration.ZERO;
  private Duration storing = Duration.ZERO;
  private long rows;

  HistoryBackfill(FeatureStore store, FeaturePipeline pipeline) {
    this.pipeline = pipeline;
    this.customers = CustomerActivityWriter.of(store);
    this.products = ItemPopularityWriter.of(store);
  }

  /** Backfills the days {@code first} through {@code last}, which must be loaded. */
  void run(LocalDate first, LocalDate last) {
    for (YearMonth month = YearMonth.from(first);
        !month.isAfter(YearMonth.from(last));
        month = month.plusMonths(1)) {
      LocalDate from = month.atDay(1).isBefore(first) ? first : month.atDay(1);
      LocalDate to = month.atEndOfMonth().isAfter(last) ? last : month.atEndOfMonth();
      TimeRange range = FeaturePipeline.eventTimes(from, to);
      long start = System.nanoTime();
      List<CustomerActivity> customerRows = pipeline.customerActivity(from, to);
      List<ItemPopularity> productRows = pipeline.itemPopularity(from, to);
      computing = computing.plusNanos(System.nanoTime() - start);
      storing = storing.plus(customers.backfill(range, customerRows).took());
      storing = storing.plus(products.backfill(range, productRows).took());
      rows += customerRows.size() + productRows.size();
    }
  }

  /** Returns the number of rows of both groups backfilled so far. */
  long rows() {
    return rows;
  }

  /** Returns the time spent computing rows with SQL so far. */
  Duration computing() {
    return computing;
  }

  /** Returns the time the store took for the backfills so far. */
  Duration storing() {
    return storing;
  }
}
