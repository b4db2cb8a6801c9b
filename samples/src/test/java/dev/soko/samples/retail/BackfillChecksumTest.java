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

/** Backfilling the whole history twice leaves the same tables. */
class BackfillChecksumTest {

  @TempDir Path folder;

  @Test
  void backfillingTheWholeHistoryTwiceLeavesIdenticalTables() throws SQLException {
    backfillWholeHistory();
    String first = checksum();
    backfillWholeHistory();
    String second = checksum();

    assertThat(second).isEqualTo(first);
    // The rows of all 374 days, each (key, event time) once: a backfill replaces, never appends.
    assertThat(first)
        .startsWith("customer_activity 681656 681656 ")
        .contains(" item_popularity 864416 864416 ");
  }

  private void backfillWholeHistory() {
    try (Transactions transactions = Transactions.open(RetailData.folder());
        FeatureStore store = FeatureStore.builder().config(StoreConfig.local(folder)).open()) {
      store.apply(CustomerActivityGroup.DEFINITION, ItemPopularityGroup.DEFINITION);
      LocalDate last = transactions.lastDay();
      transactions.load(last);
      new HistoryBackfill(store, new FeaturePipeline(transactions))
          .run(transactions.firstDay(), last);
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
