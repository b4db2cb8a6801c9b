package dev.soko.samples.retail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks {@code orders_30d}, {@code spend_30d} and {@code days_since_last_order} against values
 * worked out by hand from the raw files. The lines quoted below are every line of the customer in
 * the files; the 30-day window of day d is d - 29 through d.
 */
class CustomerActivityByHandTest {

  private static Transactions transactions;
  private static FeaturePipeline pipeline;

  @BeforeAll
  static void load() {
    transactions = Transactions.open(RetailData.folder());
    transactions.load(LocalDate.parse("2011-08-09"));
    pipeline = new FeaturePipeline(transactions);
  }

  @AfterAll
  static void close() {
    transactions.close();
  }

  /*
   * Customer 12888, all of their lines:
   *   548177  79160   qty  12  price  2.10  2011-03-29 14:31
   *   548177  21137   qty  24  price  3.39  2011-03-29 14:31
   *   548177  47570B  qty  10  price 10.65  2011-03-29 14:31
   *   548177  37449   qty   6  price  9.95  2011-03-29 14:31
   *   C548647 37449   qty  -3  price  9.95  2011-04-01 13:17  (cancellation)
   *   C551646 79160   qty  -5  price  2.10  2011-05-03 11:58  (cancellation)
   *   552492  21137   qty  24  price  3.39  2011-05-09 16:02
   */

  @Test
  void customer12888OnTheLastDayOfTheirFirstOrdersWindow() {
    // 2011-04-27: the window is 2011-03-29 to 2011-04-27, so it holds order 548177 and the
    // cancellation C548647, which is not an order and is not subtracted from spend.
    // orders_30d = 1 (548177)
    // spend_30d = 12*2.10 + 24*3.39 + 10*10.65 + 6*9.95 = 25.20 + 81.36 + 106.50 + 59.70 = 272.76
    // days_since_last_order = 2011-04-27 - 2011-03-29 = 29 days
    CustomerActivity row = row("12888", "2011-04-27");

    assertThat(row.orders30d()).isEqualTo(1);
    assertThat(row.spend30d()).isEqualTo(272.76);
    assertThat(row.daysSinceLastOrder()).isEqualTo(29);
    assertThat(row.cancellations90d()).isEqualTo(1);
    assertThat(row.eventTime()).isEqualTo(Instant.parse("2011-04-27T23:00:00Z"));
  }

  @Test
  void customer12888OnTheDayOfTheirSecondOrder() {
    // 2011-05-09: the window is 2011-04-10 to 2011-05-09; 548177 (03-29) has left it, and it
    // holds cancellation C551646 (05-03) and order 552492 (05-09).
    // orders_30d = 1 (552492)
    // spend_30d = 24*3.39 = 81.36 (the cancelled 5*2.10 is not subtracted)
    // days_since_last_order = 0 (ordered that day)
    CustomerActivity row = row("12888", "2011-05-09");

    assertThat(row.orders30d()).isEqualTo(1);
    assertThat(row.spend30d()).isEqualTo(81.36);
    assertThat(row.daysSinceLastOrder()).isEqualTo(0);
    assertThat(row.orders90d()).isEqualTo(2);
    assertThat(row.cancellations90d()).isEqualTo(2);
  }

  /*
   * Customer 13217, all of their lines:
   *   559113  15039  qty 100  price 0.85  2011-07-06 12:08
   *   C560699 15039  qty  -4  price 0.85  2011-07-20 12:32  (cancellation)
   *   561864  23083  qty  48  price 3.29  2011-07-31 10:43
   *   561864  23109  qty  96  price 2.49  2011-07-31 10:43
   *   C562811 23109  qty -96  price 2.49  2011-08-09 15:30  (cancellation)
   *   C562811 23083  qty -48  price 3.29  2011-08-09 15:30  (cancellation)
   *   562812  23109  qty  18  price 2.89  2011-08-09 15:32
   */

  @Test
  void customer13217FiveDaysAfterAnOrder() {
    // 2011-08-05: the window is 2011-07-07 to 2011-08-05; 559113 (07-06) is one day out.
    // orders_30d = 1 (561864)
    // spend_30d = 48*3.29 + 96*2.49 = 157.92 + 239.04 = 396.96
    // days_since_last_order = 2011-08-05 - 2011-07-31 = 5
    CustomerActivity row = row("13217", "2011-08-05");

    assertThat(row.orders30d()).isEqualTo(1);
    assertThat(row.spend30d()).isEqualTo(396.96);
    assertThat(row.daysSinceLastOrder()).isEqualTo(5);
    assertThat(row.orders90d()).isEqualTo(2);
    assertThat(row.spend90d()).isEqualTo(481.96);
  }

  @Test
  void customer13217OnTheDayTheyCancelledAndReordered() {
    // 2011-08-09: the window is 2011-07-11 to 2011-08-09. Cancellation C562811 takes back all of
    // order 561864 the same day, but spend counts orders only, so 561864 stays in.
    // orders_30d = 2 (561864, 562812)
    // spend_30d = 48*3.29 + 96*2.49 + 18*2.89 = 157.92 + 239.04 + 52.02 = 448.98
    // days_since_last_order = 0
    // cancellations_90d = 2 (C560699, C562811), over 2011-05-12 to 2011-08-09
    CustomerActivity row = row("13217", "2011-08-09");

    assertThat(row.orders30d()).isEqualTo(2);
    assertThat(row.spend30d()).isEqualTo(448.98);
    assertThat(row.daysSinceLastOrder()).isEqualTo(0);
    assertThat(row.cancellations90d()).isEqualTo(2);
    // Event times are the end of the London day: 23:00 UTC in summer time.
    assertThat(row.eventTime()).isEqualTo(Instant.parse("2011-08-09T23:00:00Z"));
  }

  @Test
  void noRowOnceTheLastOrderIsNinetyDaysOld() {
    // 12888's last order is on 2011-05-09: its 90-day window ends on 2011-08-06 (05-09 + 89).
    assertThat(
            pipeline.customerActivity(LocalDate.parse("2011-08-06"), LocalDate.parse("2011-08-07")))
        .filteredOn(r -> r.customerId().equals("12888"))
        .extracting(CustomerActivity::daysSinceLastOrder)
        .containsExactly(89L);
  }

  private static CustomerActivity row(String customerId, String day) {
    LocalDate date = LocalDate.parse(day);
    return pipeline.customerActivity(date, date).stream()
        .filter(r -> r.customerId().equals(customerId))
        .findFirst()
        .orElseThrow();
  }
}
