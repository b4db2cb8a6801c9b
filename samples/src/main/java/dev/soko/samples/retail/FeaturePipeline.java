package dev.soko.samples.retail;

import dev.soko.SokoException;
import dev.soko.TimeRange;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the rows of {@link CustomerActivity} and {@link ItemPopularity} for a range of days with
 * DuckDB SQL over the loaded {@link Transactions}.
 *
 * <p>The rows of a day depend only on the lines of that day and the days before it: every window
 * ends with the day, and the days must be loaded already. Computing one day at a time (the
 * streaming path, one micro-batch a day) and computing a range at once (a backfill) give the same
 * rows.
 */
final class FeaturePipeline {

  /**
   * What a product's stock code looks like: it starts with five digits ({@code 22423}, {@code
   * 85123A}, {@code 15056BL}). Every other code in the data is not a product: postage ({@code
   * POST}, {@code DOT}, {@code C2}), fees and charges ({@code AMAZONFEE}, {@code BANK CHARGES},
   * {@code CRUK}), discounts and adjustments ({@code D}, {@code M}, {@code B}, {@code PADS}),
   * samples ({@code S}), gift vouchers ({@code gift_0001_*}) and the web shop's {@code DCGS*}
   * codes.
   */
  static final String PRODUCT_CODE = "^[0-9]{5}";

  /** The shop's time zone: the files' times are local times there. */
  static final ZoneId SHOP_ZONE = ZoneId.of("Europe/London");

  private static final String CUSTOMER_ACTIVITY =
      """
      WITH
        src AS (
          SELECT * FROM lines WHERE day BETWEEN DATE ':first' - 89 AND DATE ':last'),
        calendar AS (
          SELECT CAST(generate_series AS DATE) AS day
          FROM generate_series(DATE ':first', DATE ':last', INTERVAL 1 DAY)),
        daily AS (
          SELECT customer_id, day,
                 count(DISTINCT invoice) FILTER (WHERE is_order) AS orders,
                 coalesce(sum(quantity * price) FILTER (WHERE is_order), 0) AS spend,
                 count(DISTINCT invoice) FILTER (WHERE NOT is_order) AS cancellations,
                 arg_max(country, (invoice_time, invoice)) AS country
          FROM src GROUP BY customer_id, day),
        grid AS (
          SELECT DISTINCT d.customer_id, c.day
          FROM daily d JOIN calendar c ON c.day BETWEEN d.day AND d.day + 89
          WHERE d.orders > 0),
        sums AS (
          SELECT g.customer_id, g.day,
                 sum(a.orders) FILTER (WHERE a.day > g.day - 7) AS orders_7d,
                 sum(a.orders) FILTER (WHERE a.day > g.day - 30) AS orders_30d,
                 sum(a.orders) AS orders_90d,
                 coalesce(sum(a.spend) FILTER (WHERE a.day > g.day - 30), 0) AS spend_30d,
                 sum(a.spend) AS spend_90d,
                 g.day - max(a.day) FILTER (WHERE a.orders > 0) AS days_since_last_order,
                 sum(a.cancellations) AS cancellations_90d,
                 arg_max(a.country, a.day) AS country
          FROM grid g
          JOIN daily a ON a.customer_id = g.customer_id AND a.day BETWEEN g.day - 89 AND g.day
          GROUP BY g.customer_id, g.day),
        -- Distinct products in the 90-day window, counted without a 90-fold join: each order day
        -- of a (customer, product) covers the days up to 89 later or up to the day before the
        -- next order of that product, whichever comes first. These spans do not overlap, so the
        -- count on day d is the running sum of +1 at each start and -1 after each end. A span's
        -- end depends on a later order only when that order is on or before d, so the count on
        -- day d depends on no line after d.
        product_days AS (
          SELECT DISTINCT customer_id, stock_code, day FROM src WHERE is_order AND is_product),
        spans AS (
          SELECT customer_id, day AS first_day,
                 least(day + 89,
                       lead(day) OVER (PARTITION BY customer_id, stock_code ORDER BY day) - 1)
                   AS last_day
          FROM product_days),
        steps AS (
          SELECT customer_id, first_day AS day, 1 AS step FROM spans
          UNION ALL
          SELECT customer_id, last_day + 1, -1 FROM spans),
        products AS (
          SELECT customer_id, day,
                 sum(sum(step)) OVER (PARTITION BY customer_id ORDER BY day) AS distinct_items
          FROM steps GROUP BY customer_id, day)
      SELECT w.customer_id, w.day - DATE '1970-01-01' AS epoch_day,
             w.orders_7d, w.orders_30d, w.orders_90d,
             CAST(w.spend_30d AS DOUBLE) AS spend_30d, CAST(w.spend_90d AS DOUBLE) AS spend_90d,
             coalesce(p.distinct_items, 0) AS distinct_items_90d, w.days_since_last_order,
             w.cancellations_90d, w.country
      FROM sums w
      ASOF LEFT JOIN products p ON p.customer_id = w.customer_id AND p.day <= w.day
      ORDER BY w.day, w.customer_id
      """;

  private static final String ITEM_POPULARITY =
      """
      WITH
        src AS (
          SELECT * FROM lines
          WHERE is_product AND day BETWEEN DATE ':first' - 29 AND DATE ':last'),
        calendar AS (
          SELECT CAST(generate_series AS DATE) AS day
          FROM generate_series(DATE ':first', DATE ':last', INTERVAL 1 DAY)),
        daily AS (
          SELECT stock_code, day,
                 coalesce(sum(quantity) FILTER (WHERE is_order), 0) AS units,
                 coalesce(sum(quantity * price) FILTER (WHERE is_order), 0) AS revenue,
                 coalesce(-sum(quantity) FILTER (WHERE NOT is_order), 0) AS returned
          FROM src GROUP BY stock_code, day),
        grid AS (
          SELECT DISTINCT d.stock_code, c.day
          FROM daily d JOIN calendar c ON c.day BETWEEN d.day AND d.day + 29
          WHERE d.units > 0),
        sums AS (
          SELECT g.stock_code, g.day,
                 coalesce(sum(a.units) FILTER (WHERE a.day > g.day - 7), 0) AS units_7d,
                 sum(a.units) AS units_30d,
                 CAST(sum(a.revenue) AS DOUBLE) / sum(a.units) AS avg_price_30d,
                 CAST(sum(a.returned) AS DOUBLE) / sum(a.units) AS return_rate_30d
          FROM grid g
          JOIN daily a ON a.stock_code = g.stock_code AND a.day BETWEEN g.day - 29 AND g.day
          GROUP BY g.stock_code, g.day),
        -- Distinct buyers in the 7-day window, with the spans of the customer query: each order
        -- day of a (product, customer) covers the days up to 6 later or up to the day before
        -- that customer's next order of the product.
        buyer_days AS (
          SELECT DISTINCT stock_code, customer_id, day FROM src WHERE is_order),
        spans AS (
          SELECT stock_code, day AS first_day,
                 least(day + 6,
                       lead(day) OVER (PARTITION BY stock_code, customer_id ORDER BY day) - 1)
                   AS last_day
          FROM buyer_days),
        steps AS (
          SELECT stock_code, first_day AS day, 1 AS step FROM spans
          UNION ALL
          SELECT stock_code, last_day + 1, -1 FROM spans),
        buyers AS (
          SELECT stock_code, day,
                 sum(sum(step)) OVER (PARTITION BY stock_code ORDER BY day) AS buyers
          FROM steps GROUP BY stock_code, day)
      SELECT w.stock_code, w.day - DATE '1970-01-01' AS epoch_day,
             w.units_7d, coalesce(b.buyers, 0) AS buyers_7d, w.units_30d,
             w.avg_price_30d, w.return_rate_30d
      FROM sums w
      ASOF LEFT JOIN buyers b ON b.stock_code = w.stock_code AND b.day <= w.day
      ORDER BY w.day, w.stock_code
      """;

  private final Transactions transactions;

  FeaturePipeline(Transactions transactions) {
    this.transactions = transactions;
  }

  /** Returns the event time of the rows of a day: the start of the next day in London. */
  static Instant endOfDay(LocalDate day) {
    return day.plusDays(1).atStartOfDay(SHOP_ZONE).toInstant();
  }

  private static Instant endOfDay(Map<Long, Instant> days, long epochDay) {
    return days.computeIfAbsent(epochDay, d -> endOfDay(LocalDate.ofEpochDay(d)));
  }

  /** Returns the range of event times of the rows of the days {@code first} to {@code last}. */
  static TimeRange eventTimes(LocalDate first, LocalDate last) {
    return TimeRange.of(endOfDay(first), endOfDay(last.plusDays(1)));
  }

  /**
   * Computes the customer rows of the days {@code first} through {@code last}, ordered by day and
   * customer id.
   *
   * @throws SokoException if {@code last} is before {@code first} or after the last loaded day
   */
  List<CustomerActivity> customerActivity(LocalDate first, LocalDate last) {
    List<CustomerActivity> rows = new ArrayList<>();
    Map<Long, Instant> days = new HashMap<>();
    try (Statement statement = transactions.connection().createStatement();
        ResultSet result = statement.executeQuery(sql(CUSTOMER_ACTIVITY, first, last))) {
      while (result.next()) {
        rows.add(
            new CustomerActivity(
                result.getString("customer_id"),
                endOfDay(days, result.getLong("epoch_day")),
                result.getLong("orders_7d"),
                result.getLong("orders_30d"),
                result.getLong("orders_90d"),
                result.getDouble("spend_30d"),
                result.getDouble("spend_90d"),
                result.getLong("distinct_items_90d"),
                result.getLong("days_since_last_order"),
                result.getLong("cancellations_90d"),
                result.getString("country")));
      }
    } catch (SQLException e) {
      throw new SokoException(
          "Cannot compute customer_activity for " + first + " to " + last + ": " + e.getMessage(),
          e);
    }

    return rows;
  }

  /**
   * Computes the product rows of the days {@code first} through {@code last}, ordered by day and
   * stock code.
   *
   * @throws SokoException if {@code last} is before {@code first} or after the last loaded day
   */
  List<ItemPopularity> itemPopularity(LocalDate first, LocalDate last) {
    List<ItemPopularity> rows = new ArrayList<>();
    Map<Long, Instant> days = new HashMap<>();
    try (Statement statement = transactions.connection().createStatement();
        ResultSet result = statement.executeQuery(sql(ITEM_POPULARITY, first, last))) {
      while (result.next()) {
        rows.add(
            new ItemPopularity(
                result.getString("stock_code"),
                endOfDay(days, result.getLong("epoch_day")),
                result.getLong("units_7d"),
                result.getLong("buyers_7d"),
                result.getLong("units_30d"),
                result.getDouble("avg_price_30d"),
                result.getDouble("return_rate_30d")));
      }
    } catch (SQLException e) {
      throw new SokoException(
          "Cannot compute item_popularity for " + first + " to " + last + ": " + e.getMessage(), e);
    }

    return rows;
  }

  private String sql(String template, LocalDate first, LocalDate last) {
    if (last.isBefore(first)) {
      throw new SokoException(
          "Cannot compute features for "
              + first
              + " to "
              + last
              + ": the first day is after the"
              + " last");
    }

    LocalDate loaded =
        transactions
            .loadedThrough()
            .orElseThrow(
                () ->
                    new SokoException(
                        "Cannot compute features for "
                            + first
                            + " to "
                            + last
                            + ": no day is loaded yet; load the days up to "
                            + last
                            + " first"));
    if (last.isAfter(loaded)) {
      throw new SokoException(
          "Cannot compute features for "
              + first
              + " to "
              + last
              + ": the days are loaded up to "
              + loaded
              + " only; load the days up to "
              + last
              + " first");
    }

    return template.replace(":first", first.toString()).replace(":last", last.toString());
  }
}
