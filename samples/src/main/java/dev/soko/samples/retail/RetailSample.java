package dev.soko.samples.retail;

import dev.soko.FeatureStore;
import dev.soko.KeyMapping;
import dev.soko.SokoException;
import dev.soko.Spine;
import dev.soko.StoreConfig;
import dev.soko.TrainingSet;
import dev.soko.WriteResult;
import dev.soko.samples.internal.Home;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The online retail sample, from the raw daily files to a training set and online values on the
 * local store, with a short report at the end.
 *
 * <ol>
 *   <li>Loads the days up to 2011-11-30 and backfills {@code customer_activity} and {@code
 *       item_popularity} month by month.
 *   <li>Builds the churn spine (month ends 2011-01-31 to 2011-10-31) and joins both groups to it,
 *       point in time, {@code item_popularity} through the customer's top item; writes the training
 *       set to Parquet.
 *   <li>Turns online on for {@code customer_activity}, which fills it from the history.
 *   <li>Replays 2011-12-01 to 2011-12-09 one day at a time, each day one micro-batch per group.
 *   <li>Reads the online values of 100 customers.
 * </ol>
 *
 * <p>Arguments: the folder of daily files (default {@code samples/data/online-retail/by-day}) and
 * the folder to put the store in (default {@code samples/target/soko-retail}); a default that does
 * not exist in the working directory resolves against the repository root the launcher passes. The
 * sample starts from an empty store each time: it deletes the store file it made before. It writes
 * a {@code soko.yaml} next to the store, for {@code soko --config}.
 */
public final class RetailSample {

  static final LocalDate HISTORY_END = LocalDate.parse("2011-11-30");
  static final YearMonth FIRST_SNAPSHOT = YearMonth.of(2011, 1);
  static final YearMonth LAST_SNAPSHOT = YearMonth.of(2011, 10);
  static final int ONLINE_CUSTOMERS = 100;
  static final String DATA = "samples/data/online-retail/by-day";
  static final String STORE = "samples/target/soko-retail";

  static final String ATTRIBUTION =
      "Data: Daqing Chen, Sai Liang Sain and Kun Guo, \"Data mining for the online retail"
          + " industry: a case study of RFM model-based customer segmentation using data mining\","
          + " Journal of Database Marketing and Customer Strategy Management 19(3), 197-208, 2012;"
          + " data from the UCI Machine Learning Repository. Licence: CC BY 4.0.";

  private final Path data;
  private final Path storeFolder;
  private final Home home;
  private final PrintStream out;

  RetailSample(Path data, Path storeFolder, Home home, PrintStream out) {
    this.data = data;
    this.storeFolder = storeFolder.toAbsolutePath().normalize();
    this.home = home;
    this.out = out;
  }

  /**
   * Runs the sample and exits with 1 after a one-line error if it cannot.
   *
   * @param args the folder of daily files and the folder for the store, both optional
   */
  public static void main(String[] args) {
    try {
      run(List.of(args), System.out);
    } catch (SokoException e) {
      System.err.println("Error: " + e.getMessage());
      System.exit(1);
    }
  }

  /**
   * Runs the sample on the folders given, or the defaults under the repository root.
   *
   * @param folders the folder of daily files and the folder for the store, both optional
   * @param out where the report goes
   * @throws SokoException if the data folder is missing or a step fails
   */
  public static void run(List<String> folders, PrintStream out) {
    Home home = Home.current();
    Path data = dataFolder(home, folders.isEmpty() ? null : folders.get(0));
    Path store =
        folders.size() > 1 ? home.resolve(Path.of(folders.get(1))) : home.resolveDefault(STORE);
    new RetailSample(data, store, home, out).run();
  }

  /**
   * Returns the folder of daily files: the one given, else the default found in the working
   * directory or the repository root.
   *
   * @throws SokoException if the folder does not exist, naming where it was looked for
   */
  static Path dataFolder(Home home, @Nullable String given) {
    Path folder = given == null ? home.resolveDefault(DATA) : home.resolve(Path.of(given));
    if (Files.isDirectory(folder)) {
      return folder;
    }

    String where = given == null ? home.lookedFor(DATA) : folder.toString();
    throw new SokoException(
        "Cannot find the retail data folder: there is no folder "
            + where
            + "; pass the folder of daily files, such as './soko-samples retail "
            + DATA
            + "' from the repository root");
  }

  /** Runs every step and prints the report; returns what the report shows. */
  Report run() {
    long start = System.nanoTime();
    Path storeFile = storeFolder.resolve(StoreConfig.DEFAULT_PATH);
    Path spineFile = storeFolder.resolve("churn_spine.parquet");
    Path trainingFile = storeFolder.resolve("churn_training_set.parquet");
    deleteEarlierRun(storeFile, spineFile, trainingFile);
    ShopClock clock = new ShopClock(FeaturePipeline.endOfDay(HISTORY_END));
    Path config = Home.writeConfig(storeFolder);
    Report report = new Report(storeFile, trainingFile, config, home);

    try (Transactions transactions = Transactions.open(data);
        FeatureStore store =
            FeatureStore.builder().config(StoreConfig.local(storeFolder)).clock(clock).open()) {
      store.apply(CustomerActivityGroup.DEFINITION, ItemPopularityGroup.DEFINITION);
      FeaturePipeline pipeline = new FeaturePipeline(transactions);
      CustomerActivityWriter customers = CustomerActivityWriter.of(store);
      ItemPopularityWriter products = ItemPopularityWriter.of(store);

      long step = System.nanoTime();
      transactions.load(HISTORY_END);
      HistoryBackfill backfill = new HistoryBackfill(store, pipeline);
      backfill.run(transactions.firstDay(), HISTORY_END);
      report.pipelineSeconds = seconds(backfill.computing());
      report.storeSeconds = seconds(backfill.storing());
      report.backfillSeconds = seconds(step);
      step = System.nanoTime();
      ChurnSpine.writeParquet(
          transactions, ChurnSpine.monthEnds(FIRST_SNAPSHOT, LAST_SNAPSHOT), spineFile);
      TrainingSet trainingSet =
          store
              .trainingSet(Spine.parquet(spineFile, "snapshot_at"))
              .with(CustomerActivityGroup.DEFINITION)
              .with(ItemPopularityGroup.DEFINITION, KeyMapping.keys("stock_code", "top_item"))
              .build();
      trainingSet.writeParquet(trainingFile);
      report.trainingSetSeconds = seconds(step);
      summarizeTrainingSet(trainingFile, trainingSet.featureColumns(), report);

      step = System.nanoTime();
      report.bootstrapped = store.online(CustomerActivityGroup.DEFINITION).enable();
      List<CustomerActivity> lastDay = List.of();
      for (LocalDate day = HISTORY_END.plusDays(1);
          !day.isAfter(transactions.lastDay());
          day = day.plusDays(1)) {
        clock.set(FeaturePipeline.endOfDay(day));
        transactions.load(day);
        lastDay = pipeline.customerActivity(day, day);
        WriteResult written = customers.write(lastDay);
        products.write(pipeline.itemPopularity(day, day));
        report.microBatches.add(day + ": " + written.rows() + " customer rows");
      }

      report.streamSeconds = seconds(step);
      List<String> keys = new ArrayList<>();
      for (CustomerActivity row : lastDay.subList(0, Math.min(ONLINE_CUSTOMERS, lastDay.size()))) {
        keys.add(row.customerId());
      }

      Map<String, CustomerActivity> online = CustomerActivityReader.of(store).latest(keys);
      report.onlineAsked = keys.size();
      report.online = online;
      report.customerRows = store.describe("customer_activity").stats().rows();
      report.productRows = store.describe("item_popularity").stats().rows();
    }

    report.totalSeconds = seconds(start);
    report.print(out);
    return report;
  }

  private void deleteEarlierRun(Path storeFile, Path spineFile, Path trainingFile) {
    try {
      Files.createDirectories(storeFolder);
      Files.deleteIfExists(storeFile);
      Files.deleteIfExists(storeFile.resolveSibling(storeFile.getFileName() + ".wal"));
      Files.deleteIfExists(spineFile);
      Files.deleteIfExists(trainingFile);
    } catch (IOException e) {
      throw new SokoException(
          "Cannot prepare the store folder " + storeFolder + ": " + e.getMessage(), e);
    }
  }

  private static void summarizeTrainingSet(Path file, List<String> features, Report report) {
    StringBuilder sql =
        new StringBuilder("SELECT count(*), avg(CASE WHEN ordered_again THEN 1 ELSE 0 END)");
    for (String feature : features) {
      sql.append(", avg(CASE WHEN \"").append(feature).append("\" IS NULL THEN 1 ELSE 0 END)");
    }

    sql.append(" FROM read_parquet('").append(file.toString().replace("'", "''")).append("')");
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql.toString())) {
      result.next();
      report.trainingRows = result.getLong(1);
      report.labelRate = result.getDouble(2);
      for (int i = 0; i < features.size(); i++) {
        report.nullRates.put(features.get(i), result.getDouble(i + 3));
      }
    } catch (SQLException e) {
      throw new SokoException("Cannot read the training set " + file + ": " + e.getMessage(), e);
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static double seconds(Duration took) {
    return took.toNanos() / 1e9;
  }

  static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }
}
