package dev.soko.samples.news;

import dev.soko.FeatureStore;
import dev.soko.SokoException;
import dev.soko.StoreConfig;
import dev.soko.samples.internal.Home;
import dev.soko.samples.news.ClickData.Bucket;
import dev.soko.samples.news.ClickModel.Result;
import dev.soko.samples.news.Impression.Candidate;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The news sample: reads a MIND folder, replays its impressions as a micro-batch stream into the
 * engagement groups (offline and online), builds the click training set, then tries a new feature,
 * {@code user_category_affinity}, offline only, and shows what it changes.
 */
@Command(
    name = "news",
    mixinStandardHelpOptions = true,
    description = {
      "Streams MIND-format news logs into Soko, builds a click training set, and tries a new"
          + " feature offline."
    })
public final class NewsSample implements Callable<Integer> {

  private static final double TEST_SHARE = 0.3;

  @Spec private CommandSpec spec;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "DIR",
      description = "A MIND folder with news.tsv and behaviors.tsv.")
  private Path data;

  @Option(
      names = "--timezone",
      defaultValue = "UTC",
      paramLabel = "ZONE",
      description = "The zone of the zone-less times in behaviors.tsv (default: ${DEFAULT-VALUE}).")
  private ZoneId zone;

  @Option(
      names = "--window",
      defaultValue = "5m",
      paramLabel = "LENGTH",
      converter = WindowConverter.class,
      description = "The stream's window: 30s, 5m, 1h or ISO-8601 such as PT5M (default: 5m).")
  private Duration window;

  @Option(
      names = "--store",
      paramLabel = "DIR",
      description = "An empty or new folder for the local store (default: a new temporary one).")
  private @Nullable Path store;

  /** Runs the sample as the {@code news} command. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** Returns the command line of the sample, for a launcher that gathers several samples. */
  public static CommandLine commandLine() {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      // One INFO line per store write is right for a service, but drowns the sample's report.
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }

    CommandLine line = new CommandLine(new NewsSample());
    line.setExecutionExceptionHandler(errors());
    line.setParameterExceptionHandler(parameterErrors());
    return line;
  }

  /**
   * Returns the handler that prints a mistake in the arguments as one line, with where to find the
   * usage, and exits with 1.
   */
  public static CommandLine.IParameterExceptionHandler parameterErrors() {
    return (e, args) -> {
      CommandLine command = e.getCommandLine();
      String message = e.getMessage().strip().replaceAll("\\s*\\R\\s*", " ");
      if (message.endsWith(".")) {
        message = message.substring(0, message.length() - 1);
      }

      command
          .getErr()
          .println(
              "Error: "
                  + message
                  + ". Run '"
                  + command.getCommandSpec().qualifiedName()
                  + " --help' for usage.");
      command.getErr().flush();
      return 1;
    };
  }

  /** Returns the handler that prints a Soko error as one line and exits with 1. */
  public static CommandLine.IExecutionExceptionHandler errors() {
    return (e, cmd, parsed) -> {
      if (!(e instanceof SokoException)) {
        throw e;
      }

      cmd.getErr().println("Error: " + e.getMessage());
      return 1;
    };
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    // A wrong --data creates nothing, not even a temporary store folder.
    MindReader.checkFolder(data);
    Path folder = storeFolder();
    try (FeatureStore features = FeatureStore.builder().config(StoreConfig.local(folder)).open()) {
      run(features, folder, out);
    }

    Path config = Home.writeConfig(folder);
    out.println();
    out.println(
        store == null
            ? "Store kept in "
                + folder.toAbsolutePath()
                + ", a new temporary folder: delete it when done, or pass --store DIR next time"
            : "Store kept in " + folder.toAbsolutePath());
    out.println(
        "Query it: "
            + Home.current()
                .sqlCommand(
                    config,
                    "SELECT * FROM features.user_engagement_latest ORDER BY user_id LIMIT 5"));
    out.flush();
    return 0;
  }

  /** Runs every step on an open store and prints the report; returns what tests check. */
  Summary run(FeatureStore features, Path folder, PrintWriter out) {
    out.printf("Soko news sample on %s%n", data.toAbsolutePath());
    out.printf(
        "Times in behaviors.tsv carry no zone: read in %s (change with --timezone).%n", zone);
    MindData mind = new MindReader(zone).read(data);
    out.println(mind.newsReport().summary());
    out.println(mind.behaviorsReport().summary());
    if (mind.impressions().isEmpty()) {
      throw new SokoException(
          "Cannot run the news sample: "
              + data.resolve(MindReader.BEHAVIORS_FILE)
              + " has no"
              + " readable rows; pass --data a MIND folder (see the lines skipped above)");
    }

    long absent = absentArticles(mind);
    out.printf(
        "Articles shown but absent from news.tsv: %d (their article_meta features are null)%n",
        absent);
    out.printf("Store: %s%n%n", folder.toAbsolutePath());

    features
        .apply(
            ArticleEngagementGroup.DEFINITION,
            UserEngagementGroup.DEFINITION,
            ArticleMetaGroup.DEFINITION)
        .orThrow();
    features.online(ArticleEngagementGroup.DEFINITION).enable();
    features.online(UserEngagementGroup.DEFINITION).enable();
    Instant first = mind.firstTime();
    List<ArticleMeta> meta =
        mind.articles().values().stream()
            .map(
                a ->
                    new ArticleMeta(
                        a.newsId(),
                        first,
                        a.category(),
                        a.subcategory(),
                        a.titleLength(),
                        a.entityCount()))
            .toList();
    ArticleMetaWriter.of(features).write(meta);
    out.printf(
        "article_meta: %d rows, stamped at the log's first impression, %s%n", meta.size(), first);

    Windows windows = new Windows(window);
    MicroBatchStream.Report stream = new MicroBatchStream(features, windows).replay(mind);
    out.printf(
        "Stream: %d windows of %s; %d log rows -> %d article_engagement and %d user_engagement"
            + " rows, each window written offline and online%n",
        stream.windows(), window, stream.logRows(), stream.articleRows(), stream.userRows());
    out.printf(
        Locale.ROOT,
        "  %.2f s: %.0f windows/s, %.0f log rows/s, %.0f feature rows/s%n",
        stream.took().toNanos() / 1e9,
        stream.windowsPerSecond(),
        stream.logRowsPerSecond(),
        stream.featureRowsPerSecond());
    OnlineSnapshot online = OnlineSnapshot.take(features, mind);
    out.printf(
        "Online now: article_engagement for %d articles, user_engagement for %d users%n%n",
        online.articles().size(), online.users().size());

    List<Shown> spine = NewsTrainingSet.spine(mind);
    long baseRows =
        NewsTrainingSet.build(features, spine, NewsTrainingSet.Affinity.WITHOUT).rows().size();
    long labels = spine.stream().filter(s -> s.clicked() == 1).count();
    out.printf(
        "Training set: %d rows (one per shown article), %d clicked, point in time at each"
            + " impression%n",
        baseRows, labels);

    NewFeatureLoop.Outcome loop = new NewFeatureLoop(features, windows).run(mind, spine);
    out.printf(
        "New feature user_category_affinity: backfilled %d rows over %s, offline only%n",
        loop.rows(), loop.range());
    out.printf(
        "  online store unchanged: %d online values identical before and after;"
            + " user_category_affinity online: off%n",
        loop.onlineValues());
    ClickData clicks = ClickData.read(loop.trainingSet());
    out.printf("Training set with it: %d rows, %d clicked%n", clicks.rows(), clicks.clicks());
    out.println("Label rate by affinity to the candidate's category:");
    for (Map.Entry<Bucket, long[]> bucket : clicks.buckets().entrySet()) {
      long rows = bucket.getValue()[0];
      long clicked = bucket.getValue()[1];
      out.printf(
          Locale.ROOT,
          "  %-26s %9d rows %8d clicked  %s%n",
          bucket.getKey().label(),
          rows,
          clicked,
          rows == 0 ? "-" : String.format(Locale.ROOT, "%.2f%%", 100.0 * clicked / rows));
    }

    Result without = ClickModel.evaluate(clicks.withoutAffinity(), TEST_SHARE);
    Result with = ClickModel.evaluate(clicks.withAffinity(), TEST_SHARE);
    out.printf(
        Locale.ROOT,
        "Click model (logistic regression, Tribuo), trained on the earlier %.0f%% by time,"
            + " AUC on the later %.0f%% (%d train, %d test rows):%n",
        100 * (1 - TEST_SHARE),
        100 * TEST_SHARE,
        with.trainRows(),
        with.testRows());
    out.printf(Locale.ROOT, "  without user_category_affinity: %s%n", auc(without));
    out.printf(Locale.ROOT, "  with user_category_affinity:    %s%n", auc(with));
    return new Summary(stream, online, baseRows, labels, loop, clicks, without, with);
  }

  private Path storeFolder() throws IOException {
    if (store == null) {
      return Files.createTempDirectory("soko-news-");
    }

    if (Files.isDirectory(store)) {
      try (Stream<Path> entries = Files.list(store)) {
        if (entries.findAny().isPresent()) {
          throw new SokoException(
              "Cannot use "
                  + store
                  + " for the store: the folder is not empty; pass --store a new or empty folder,"
                  + " or leave --store out for a temporary one");
        }
      }
    }

    return Files.createDirectories(store);
  }

  private static long absentArticles(MindData mind) {
    TreeSet<String> absent = new TreeSet<>();
    for (Impression impression : mind.impressions()) {
      for (Candidate candidate : impression.candidates()) {
        if (!mind.articles().containsKey(candidate.newsId())) {
          absent.add(candidate.newsId());
        }
      }
    }

    return absent.size();
  }

  private static String auc(Result result) {
    return Double.isNaN(result.auc())
        ? "n/a (the test rows hold one label only)"
        : String.format(Locale.ROOT, "%.4f", result.auc());
  }

  /** Sets the options, for tests. */
  NewsSample options(Path dataFolder, ZoneId timeZone, Duration windowLength) {
    this.data = dataFolder;
    this.zone = timeZone;
    this.window = windowLength;
    return this;
  }

  /**
   * What a run found, for tests.
   *
   * @param stream what the stream wrote
   * @param online the online values after the stream
   * @param trainingRows the rows of the training set without the new feature
   * @param labels the clicked rows of the spine
   * @param loop what the new-feature loop did
   * @param clicks the training set with the new feature, as the model reads it
   * @param without the model without the new feature
   * @param with the model with it
   */
  record Summary(
      MicroBatchStream.Report stream,
      OnlineSnapshot online,
      long trainingRows,
      long labels,
      NewFeatureLoop.Outcome loop,
      ClickData clicks,
      Result without,
      Result with) {}

  /** Reads a window length as {@code 30s}, {@code 5m}, {@code 1h} or ISO-8601. */
  static final class WindowConverter implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern SHORT = Pattern.compile("(\\d+)([smh])");

    @Override
    public Duration convert(String value) {
      Matcher matcher = SHORT.matcher(value.strip().toLowerCase(Locale.ROOT));
      Duration length;
      if (matcher.matches()) {
        long amount = Long.parseLong(matcher.group(1));
        length =
            switch (matcher.group(2)) {
              case "s" -> Duration.ofSeconds(amount);
              case "m" -> Duration.ofMinutes(amount);
              default -> Duration.ofHours(amount);
            };
      } else {
        try {
          length = Duration.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
          throw new CommandLine.TypeConversionException(
              "'" + value + "' is not a window length: use 30s, 5m, 1h or ISO-8601 such as PT5M");
        }
      }

      if (length.isNegative() || length.isZero()) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a window length: it must be positive");
      }

      return length;
    }
  }
}
