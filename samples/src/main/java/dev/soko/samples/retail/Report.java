package dev.soko.samples.retail;

import dev.soko.samples.internal.Home;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the retail sample found, and how it prints it. */
final class Report {

  static final String QUERY =
      "SELECT * FROM features.customer_activity WHERE customer_id = '12347'"
          + " ORDER BY event_time DESC LIMIT 5";

  final Path storeFile;
  final Path trainingFile;
  final Path config;
  final Home home;
  long customerRows;
  long productRows;
  long trainingRows;
  double labelRate;
  final Map<String, Double> nullRates = new LinkedHashMap<>();
  long bootstrapped;
  final List<String> microBatches = new ArrayList<>();
  int onlineAsked;
  Map<String, CustomerActivity> online = Map.of();
  double backfillSeconds;
  double pipelineSeconds;
  double storeSeconds;
  double trainingSetSeconds;
  double streamSeconds;
  double totalSeconds;

  Report(Path storeFile, Path trainingFile, Path config, Home home) {
    this.storeFile = storeFile;
    this.trainingFile = trainingFile;
    this.config = config;
    this.home = home;
  }

  void print(PrintStream out) {
    out.println();
    out.println("Soko retail sample");
    out.println();
    out.println(RetailSample.format("Rows per group (offline history)"));
    out.println(RetailSample.format("  customer_activity  %,10d", customerRows));
    out.println(RetailSample.format("  item_popularity    %,10d", productRows));
    out.println();
    out.println(
        RetailSample.format(
            "Training set: %,d rows (customers at month ends 2011-01-31 to 2011-10-31), label"
                + " 'ordered again within 30 days' true for %.1f%%",
            trainingRows, 100 * labelRate));
    out.println("  " + trainingFile);
    out.println("Null rate of each feature");
    for (Map.Entry<String, Double> entry : nullRates.entrySet()) {
      out.println(RetailSample.format("  %-42s %5.1f%%", entry.getKey(), 100 * entry.getValue()));
    }

    out.println();
    out.println(
        RetailSample.format(
            "Online: customer_activity turned on with %,d keys from the history; %d daily"
                + " micro-batches replayed (2011-12-01 to 2011-12-09); %d of %d customers read"
                + " back",
            bootstrapped, microBatches.size(), online.size(), onlineAsked));
    online.values().stream().limit(3).forEach(row -> out.println("  " + describe(row)));
    out.println();
    out.println("Store: " + storeFile);
    out.println("Try:   " + home.sqlCommand(config, QUERY));
    out.println("  or, with the DuckDB CLI:");
    out.println("       duckdb -readonly " + storeFile + " \"" + QUERY + "\"");
    out.println();
    out.println(
        RetailSample.format(
            "Took %.1f s: backfill %.1f s (SQL pipeline %.1f s, store %.1f s), training set"
                + " %.1f s, online and micro-batches %.1f s",
            totalSeconds,
            backfillSeconds,
            pipelineSeconds,
            storeSeconds,
            trainingSetSeconds,
            streamSeconds));
    out.println();
    out.println(RetailSample.ATTRIBUTION);
  }

  private static String describe(CustomerActivity row) {
    return RetailSample.format(
        "customer %s at %s: orders 7d/30d/90d %d/%d/%d, spend 30d/90d %.2f/%.2f GBP, %d items,"
            + " %d days since last order, %d cancellations, %s",
        row.customerId(),
        row.eventTime(),
        row.orders7d(),
        row.orders30d(),
        row.orders90d(),
        row.spend30d(),
        row.spend90d(),
        row.distinctItems90d(),
        row.daysSinceLastOrder(),
        row.cancellations90d(),
        row.country());
  }
}
