package dev.soko.samples.retail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soko.FeatureStore;
import dev.soko.StoreConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backfilling the history twice leaves the same tables.
 *
 * <p>The whole history is backfilled, a month per call, which takes about a minute on two cores;
 * {@code -Dretail.backfill.last=2011-02-28} (an earlier last day) makes a quicker run.
 */
class BackfillChecksumTest {

  private static final LocalDate LAST =
      LocalDate.parse(System.getProperty("retail.backfill.last", "2011-12-09"));

  @TempDir Path folder;

  @Test
  void backfillingTheHistoryTwiceLeavesIdenticalTables() throws SQLException {
    long rows = backfillHistory();
    String first = checksum();
    assertThat(backfillHistory()).isEqualTo(rows);
    String second = checksum();

    assertThat(second).isEqualTo(first);
    // Each (key, event time) once, and as many rows as one backfill wrote: the second backfill
    // replaced the rows of the first instead of adding to them.
    assertThat(first)
        .matches("customer_activity (\\d+) \\1 -?\\d+ item_popularity (\\d+) \\2 -?\\d+");
    String[] parts = first.split(" ");
    assertThat(Long.parseLong(parts[1]) + Long.parseLong(parts[5])).isEqualTo(rows);
  }

  /** Backfills both groups from the first day to {@link #LAST}; returns the rows computed. */
  private long backfillHistory() {
    try (Transactions transactions = Transactions.open(RetailData.folder());
        FeatureStore store = FeatureStore.builder().config(StoreConfig.local(folder)).open()) {
      store.apply(CustomerActivityGroup.DEFINITION, ItemPopularityGroup.DEFINITION);
      transactions.load(LAST);
      HistoryBackfill backfill = new HistoryBackfill(store, new FeaturePipeline(transactions));
      backfill.run(transactions.firstDay(), LAST);
      return backfill.rows();
    }
  }

  /**
   * Returns, for each group's offline table, its row count, its count of distinct (key, event time)
   * and the sum of a hash of every row without its ingestion time.
   */
  private String checksum() throws SQLException {
    Path file = folder.resolve(StoreConfig.DEFAULT_PATH);
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery(
                """
                SELECT 'customer_activity', count(*),
                       count(DISTINCT (customer_id, event_time)),
                       sum(hash(customer_id, event_time, orders_7d, orders_30d, orders_90d,
                                spend_30d, spend_90d, distinct_items_90d, days_since_last_order,
                                cancellations_90d, country)::HUGEINT)
                FROM offline.customer_activity_v1
                UNION ALL
                SELECT 'item_popularity', count(*), count(DISTINCT (stock_code, event_time)),
                       sum(hash(stock_code, event_time, units_7d, buyers_7d, units_30d,
                                avg_price_30d, return_rate_30d)::HUGEINT)
                FROM offline.item_popularity_v1
                ORDER BY 1
                """)) {
      StringBuilder sums = new StringBuilder();
      while (result.next()) {
        sums.append(sums.isEmpty() ? "" : " ")
            .append(result.getString(1))
            .append(' ')
            .append(result.getLong(2))
            .append(' ')
            .append(result.getLong(3))
            .append(' ')
            .append(result.getString(4));
      }

      return sums.toString();
    }
  }
}
