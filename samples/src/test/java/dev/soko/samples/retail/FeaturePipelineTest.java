package dev.soko.samples.retail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soko.SokoException;
import dev.soko.samples.retail.RawLines.Line;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FeaturePipelineTest {

  private static final LocalDate DAY = LocalDate.parse("2011-03-31");

  private static Transactions transactions;
  private static FeaturePipeline pipeline;

  @BeforeAll
  static void load() {
    transactions = Transactions.open(RetailData.folder());
    transactions.load(DAY);
    pipeline = new FeaturePipeline(transactions);
  }

  @AfterAll
  static void close() {
    transactions.close();
  }

  @Test
  void everyRowOfADayMatchesAPlainJavaComputation() {
    List<Line> lines = RawLines.upTo(RetailData.folder(), DAY);
    Map<String, List<Line>> byCustomer =
        lines.stream().collect(Collectors.groupingBy(Line::customerId));
    Map<String, List<Line>> byProduct =
        lines.stream().collect(Collectors.groupingBy(Line::stockCode));

    List<CustomerActivity> expectedCustomers = new ArrayList<>();
    byCustomer.keySet().stream()
        .sorted()
        .forEach(
            id ->
                Recompute.customer(byCustomer.get(id), id, DAY).ifPresent(expectedCustomers::add));
    List<ItemPopularity> expectedProducts = new ArrayList<>();
    byProduct.keySet().stream()
        .sorted()
        .map(code -> Recompute.product(byProduct.get(code), code, DAY))
        .flatMap(Optional::stream)
        .forEach(expectedProducts::add);

    assertThat(pipeline.customerActivity(DAY, DAY))
        .hasSize(1776)
        .containsExactlyElementsOf(expectedCustomers);
    assertThat(pipeline.itemPopularity(DAY, DAY))
        .hasSize(2202)
        .containsExactlyElementsOf(expectedProducts);
  }

  @Test
  void dayByDayGivesTheRowsOfTheRange() {
    LocalDate first = DAY.minusDays(4);
    List<CustomerActivity> customers = new ArrayList<>();
    List<ItemPopularity> products = new ArrayList<>();
    for (LocalDate day = first; !day.isAfter(DAY); day = day.plusDays(1)) {
      customers.addAll(pipeline.customerActivity(day, day));
      products.addAll(pipeline.itemPopularity(day, day));
    }

    assertThat(pipeline.customerActivity(first, DAY)).isEqualTo(customers);
    assertThat(pipeline.itemPopularity(first, DAY)).isEqualTo(products);
  }

  @Test
  void eventTimeIsTheEndOfTheLondonDay() {
    assertThat(FeaturePipeline.endOfDay(LocalDate.parse("2011-01-09")))
        .isEqualTo(Instant.parse("2011-01-10T00:00:00Z"));
    assertThat(FeaturePipeline.endOfDay(LocalDate.parse("2011-03-26")))
        .isEqualTo(Instant.parse("2011-03-27T00:00:00Z"));
    // Summer time starts on 2011-03-27, so that day ends at 23:00 UTC.
    assertThat(FeaturePipeline.endOfDay(LocalDate.parse("2011-03-27")))
        .isEqualTo(Instant.parse("2011-03-27T23:00:00Z"));
    assertThat(FeaturePipeline.eventTimes(LocalDate.parse("2011-03-01"), DAY).from())
        .isEqualTo(Instant.parse("2011-03-02T00:00:00Z"));
    assertThat(FeaturePipeline.eventTimes(LocalDate.parse("2011-03-01"), DAY).to())
        .isEqualTo(Instant.parse("2011-04-01T23:00:00Z"));
  }

  @Test
  void aDayNotLoadedYetIsRefused() {
    assertThatThrownBy(() -> pipeline.customerActivity(DAY, DAY.plusDays(1)))
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot compute features for 2011-03-31 to 2011-04-01: the days are loaded up to"
                + " 2011-03-31 only; load the days up to 2011-04-01 first");
  }

  @Test
  void daysLoadInOrder() {
    assertThatThrownBy(() -> transactions.load(DAY.minusDays(1)))
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot load the days up to 2011-03-30: the days up to 2011-03-31 are loaded already;"
                + " days load in order");
  }
}
