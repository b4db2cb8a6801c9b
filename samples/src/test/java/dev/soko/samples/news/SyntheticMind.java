package dev.soko.samples.news;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Writes a synthetic MIND-format folder from a seed, for throughput runs: MIND itself cannot be
 * shipped. Nothing in it is real. Users have one or two favourite categories and click in them more
 * often, so a category affinity feature has something to find; rows are written in random order,
 * some articles are missing from news.tsv, some histories are empty, and a few lines are malformed,
 * as in real logs.
 *
 * <p>Run: {@code java -cp <test classes and class path> dev.soko.samples.news.SyntheticMind DIR
 * IMPRESSIONS [SEED]}.
 */
public final class SyntheticMind {

  private static final String[] CATEGORIES = {
    "news", "sports", "finance", "lifestyle", "travel", "foodanddrink",
    "weather", "autos", "health", "music", "movies", "tv"
  };
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US);
  private static final LocalDateTime START = LocalDateTime.of(2019, 11, 9, 0, 0);
  private static final Duration PERIOD = Duration.ofDays(7);

  private SyntheticMind() {}

  public static void main(String[] args) throws IOException {
    Path folder = Path.of(args[0]);
    int impressions = Integer.parseInt(args[1]);
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
    write(folder, impressions, seed);
    System.out.println("Wrote a synthetic MIND-format folder: " + folder);
  }

  /** Writes news.tsv and behaviors.tsv into the folder. */
  static void write(Path folder, int impressions, long seed) throws IOException {
    Random random = new Random(seed);
    int articles = Math.max(50, impressions / 20);
    int users = Math.max(20, impressions / 5);
    Files.createDirectories(folder);

    // Articles are published in id order over the period; a category each, skewed to the first.
    int[] category = new int[articles];
    double[] appeal = new double[articles];
    try (BufferedWriter out = writer(folder.resolve("news.tsv"))) {
      for (int a = 0; a < articles; a++) {
        category[a] =
            Math.min(
                CATEGORIES.length - 1,
                (int) (random.nextDouble() * random.nextDouble() * CATEGORIES.length * 1.5));
        appeal[a] = 0.5 + 1.5 * random.nextDouble();
        if (a % 20 == 7) {
          continue; // absent from news.tsv, as in a MIND subset
        }

        String title = "Synthetic title " + a + " with \"quotes\"".repeat(1 + a % 3);
        out.write(
            String.join(
                "\t",
                "N" + a,
                CATEGORIES[category[a]],
                CATEGORIES[category[a]] + "_sub" + (a % 4),
                title,
                "Abstract " + a,
                "https://example.com/N" + a,
                entities(a % 4),
                entities(a % 3)));
        out.newLine();
      }
    }

    int[][] favourites = new int[users][];
    List<List<String>> histories = new ArrayList<>();
    for (int u = 0; u < users; u++) {
      favourites[u] =
          random.nextInt(3) == 0
              ? new int[] {random.nextInt(CATEGORIES.length)}
              : new int[] {random.nextInt(CATEGORIES.length), random.nextInt(CATEGORIES.length)};
      List<String> history = new ArrayList<>();
      int size = random.nextInt(4) == 0 ? 0 : random.nextInt(30);
      for (int h = 0; h < size; h++) {
        history.add("N" + random.nextInt(articles));
      }

      histories.add(history);
    }

    List<String> lines = new ArrayList<>(impressions + impressions / 1000);
    long periodSeconds = PERIOD.toSeconds();
    for (int i = 1; i <= impressions; i++) {
      long offset = (long) (random.nextDouble() * periodSeconds);
      LocalDateTime time = START.plusSeconds(offset);
      // Frequent readers: a skewed pick of the user.
      int user = (int) (users * Math.pow(random.nextDouble(), 2));
      // Candidates come from the articles published in the last two days before the time.
      int newest = (int) Math.min(articles - 1, (double) offset / periodSeconds * articles);
      int oldest = Math.max(0, newest - articles * 2 / 7);
      int shown = Math.min(newest - oldest + 1, 5 + random.nextInt(16));
      StringBuilder candidates = new StringBuilder();
      Set<Integer> picked = new HashSet<>();
      for (int c = 0; c < shown; c++) {
        int article = oldest + random.nextInt(newest - oldest + 1);
        if (!picked.add(article)) {
          c--;
          continue;
        }

        double p = 0.03 * appeal[article];
        for (int favourite : favourites[user]) {
          if (favourite == category[article]) {
            p *= 5;
          }
        }

        if (c > 0) {
          candidates.append(' ');
        }

        candidates.append('N').append(article).append(random.nextDouble() < p ? "-1" : "-0");
      }

      lines.add(
          String.join(
              "\t",
              Integer.toString(i),
              "U" + user,
              TIME.format(time),
              String.join(" ", histories.get(user)),
              candidates));
      if (i % 1000 == 0) {
        lines.add(i + "\tU" + user + "\tnot a time\t\tN1-1");
      }
    }

    Collections.shuffle(lines, random);
    try (BufferedWriter out = writer(folder.resolve("behaviors.tsv"))) {
      for (String line : lines) {
        out.write(line);
        out.newLine();
      }
    }
  }

  private static String entities(int count) {
    List<String> list = new ArrayList<>();
    for (int e = 0; e < count; e++) {
      list.add("{\"Label\": \"E" + e + "\", \"Type\": \"O\", \"WikidataId\": \"Q" + e + "\"}");
    }

    return "[" + String.join(", ", list) + "]";
  }

  private static BufferedWriter writer(Path file) throws IOException {
    return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
  }
}
