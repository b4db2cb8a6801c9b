package dev.soko.samples.retail;

import dev.soko.samples.retail.RawLines.Line;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The features of one customer or product on one day, computed in plain Java from raw lines: a
 * second implementation of the definitions, to check the SQL pipeline and the training set against.
 */
final class Recompute {

  private Recompute() {}

  /** Returns the customer's row of the day, or empty if they did not order in its 90 days. */
  static Optional<CustomerActivity> customer(List<Line> lines, String customerId, LocalDate day) {
    List<Line> mine =
        lines.stream()
            .filter(l -> l.customerId().equals(customerId) && !l.day().isAfter(day))
            .toList();
    List<Line> orders90 = within(mine, day, 90).stream().filter(Line::isOrder).toList();
    if (orders90.isEmpty()) {
      return Optional.empty();
    }

    List<Line> orders30 = within(orders90, day, 30);
    LocalDate lastOrder = orders90.stream().map(Line::day).max(Comparator.naturalOrder()).get();
    Line latest =
        mine.stream()
            .max(Comparator.comparing(Line::time).thenComparing(Line::invoice))
            .orElseThrow();
    return Optional.of(
        new CustomerActivity(
            customerId,
            FeaturePipeline.endOfDay(day),
            invoices(within(orders90, day, 7)),
            invoices(orders30),
            invoices(orders90),
            spend(orders30),
            spend(orders90),
            orders90.stream().filter(Line::isProduct).map(Line::stockCode).distinct().count(),
            ChronoUnit.DAYS.between(lastOrder, day),
            invoices(within(mine, day, 90).stream().filter(l -> !l.isOrder()).toList()),
            latest.country()));
  }

  /** Returns the product's row of the day, or empty if it was not ordered in its 30 days. */
  static Optional<ItemPopularity> product(List<Line> lines, String stockCode, LocalDate day) {
    if (lines.stream().noneMatch(l -> l.stockCode().equals(stockCode) && l.isProduct())) {
      return Optional.empty();
    }

    List<Line> lines30 =
        within(
            lines.stream()
                .filter(l -> l.stockCode().equals(stockCode) && !l.day().isAfter(day))
                .toList(),
            day,
            30);
    List<Line> orders30 = lines30.stream().filter(Line::isOrder).toList();
    if (orders30.isEmpty()) {
      return Optional.empty();
    }

    List<Line> orders7 = within(orders30, day, 7);
    long units30 = orders30.stream().mapToLong(Line::quantity).sum();
    long returned = -lines30.stream().filter(l -> !l.isOrder()).mapToLong(Line::quantity).sum();
    return Optional.of(
        new ItemPopularity(
            stockCode,
            FeaturePipeline.endOfDay(day),
            orders7.stream().mapToLong(Line::quantity).sum(),
            orders7.stream().map(Line::customerId).distinct().count(),
            units30,
            spend(orders30) / units30,
            (double) returned / units30));
  }

  /** Returns the product the customer ordered most units of up to the day, ties to the least. */
  static Optional<String> topItem(List<Line> lines, String customerId, LocalDate day) {
    Map<String, Long> units = new HashMap<>();
    for (Line line : lines) {
      if (line.customerId().equals(customerId)
          && line.isOrder()
          && line.isProduct()
          && !line.day().isAfter(day)) {
        units.merge(line.stockCode(), line.quantity(), Long::sum);
      }
    }

    return units.entrySet().stream()
        .max(
            Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue)
                .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
        .map(Map.Entry::getKey);
  }

  private static List<Line> within(List<Line> lines, LocalDate day, int days) {
    LocalDate first = day.minusDays(days - 1);
    return lines.stream()
        .filter(l -> !l.day().isBefore(first) && !l.day().isAfter(day))
        .collect(Collectors.toList());
  }

  private static long invoices(List<Line> lines) {
    return lines.stream().map(Line::invoice).distinct().count();
  }

  private static double spend(List<Line> lines) {
    return lines.stream()
        .map(l -> l.price().multiply(BigDecimal.valueOf(l.quantity())))
        .reduce(BigDecimal.ZERO, BigDecimal::add)
        .doubleValue();
  }
}
