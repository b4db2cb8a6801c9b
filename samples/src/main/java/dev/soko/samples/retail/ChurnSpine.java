package dev.soko.samples.retail;

import dev.soko.SokoException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The spine of the churn training set: for each month end, each customer who has ordered on or
 * before it, labelled with whether they order again in the 30 days after it.
 *
 * <p>The label looks ahead on purpose; nothing else does. The customer list and the top item use
 * lines up to the month end only, and the features are joined at {@link SpineRow#snapshotAt()}.
 */
final class ChurnSpine {

  private static final String SQL =
      """
      WITH
        snapshots AS (SELECT CAST(unnest([:days]) AS DATE) AS day),
        order_days AS (SELECT DISTINCT customer_id, day FROM lines WHERE is_order),
        customers AS (
          SELECT DISTINCT s.day AS snapshot_day, o.customer_id
          FROM snapshots s JOIN order_days o ON o.day <= s.day),
        came_back AS (
          SELECT DISTINCT s.day AS snapshot_day, o.customer_id
          FROM snapshots s JOIN order_days o ON o.day BETWEEN s.day + 1 AND s.day + 30),
        units AS (
          SELECT s.day AS snapshot_day, l.customer_id, l.stock_code, sum(l.quantity) AS units
          FROM snapshots s JOIN lines l ON l.day <= s.day
          WHERE l.is_order AND l.is_product
          GROUP BY s.day, l.customer_id, l.stock_code),
        top_items AS (
          SELECT snapshot_day, customer_id,
                 first(stock_code ORDER BY units DESC, stock_code) AS top_item
          FROM units GROUP BY snapshot_day, customer_id)
      SELECT c.snapshot_day, c.customer_id, t.top_item, r.customer_id IS NOT NULL AS ordered_again
      FROM customers c
      LEFT JOIN top_items t USING (snapshot_day, customer_id)
      LEFT JOIN came_back r USING (snapshot_day, customer_id)
      ORDER BY c.snapshot_day, c.customer_id""";

  private ChurnSpine() {}

  /** Returns the last day of each month from {@code first} to {@code last}, both included. */
  static List<LocalDate> monthEnds(YearMonth first, YearMonth last) {
    List<LocalDate> days = new ArrayList<>();
    for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
      days.add(month.atEndOfMonth());
    }

    return days;
  }

  /**
   * Builds the spine rows of the given month ends, ordered by month end and customer id.
   *
   * @throws SokoException if the days up to 30 days after the last month end are not loaded
   */
  static List<SpineRow> build(Transactions transactions, List<LocalDate> monthEnds) {
    List<SpineRow> rows = new ArrayList<>();
    try (Statement statement = transactions.connection().createStatement();
        ResultSet result = statement.executeQuery(sql(transactions, monthEnds))) {
      while (result.next()) {
        rows.add(
            new SpineRow(
                result.getString("customer_id"),
                FeaturePipeline.endOfDay(result.getObject("snapshot_day", LocalDate.class)),
                result.getString("top_item"),
                result.getBoolean("ordered_again")));
      }
    } catch (SQLException e) {
      throw new SokoException("Cannot build the churn spine: " + e.getMessage(), e);
    }

    return rows;
  }

  /**
   * Writes the spine rows of the given month ends to a Parquet file, in the order of {@link
   * #build}, with the columns of {@link SpineRow}: {@code customer_id}, {@code snapshot_at} (a
   * timestamp with time zone), {@code top_item} and {@code ordered_again}.
   *
   * @return the number of rows written
   * @throws SokoException if the days up to 30 days after the last month end are not loaded, or the
   *     file cannot be written
   */
  static long writeParquet(Transactions transactions, List<LocalDate> monthEnds, Path file) {
    String copy =
        """
        COPY (
          SELECT customer_id,
                 timezone('%s', CAST(snapshot_day + 1 AS TIMESTAMP)) AS snapshot_at,
                 top_item,
                 ordered_again
          FROM (%s))
        TO '%s' (FORMAT parquet)
        """
            .formatted(
                FeaturePipeline.SHOP_ZONE.getId(),
                sql(transactions, monthEnds),
                file.toAbsolutePath().toString().replace("'", "''"));
    try (Statement statement = transactions.connection().createStatement()) {
      return statement.executeUpdate(copy);
    } catch (SQLException e) {
      throw new SokoException("Cannot write the churn spine to " + file + ": " + e.getMessage(), e);
    }
  }

  private static String sql(Transactions transactions, List<LocalDate> monthEnds) {
    LocalDate needed = monthEnds.get(monthEnds.size() - 1).plusDays(30);
    LocalDate loaded = transactions.loadedThrough().orElse(LocalDate.MIN);
    if (loaded.isBefore(needed)) {
      throw new SokoException(
          "Cannot build the churn spine: its labels need the days up to "
              + needed
              + ", and the days are loaded up to "
              + (loaded.equals(LocalDate.MIN) ? "none" : loaded)
              + "; load the days up to "
              + needed
              + " first");
    }

    String days =
        monthEnds.stream().map(day -> "DATE '" + day + "'").collect(Collectors.joining(", "));
    return SQL.replace(":days", days);
  }
}
