package dev.soko.samples.news;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.soko.SokoException;
import dev.soko.samples.news.Impression.Candidate;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads the two tab-separated files of a MIND folder: {@code news.tsv} and {@code behaviors.tsv}.
 *
 * <p>Lines are split on tabs only; quotes carry no meaning, since titles contain them. A line that
 * cannot be read is counted, reported and skipped; an empty line is skipped silently. Times carry
 * no zone in MIND, so they are read in the zone given.
 */
final class MindReader {

  static final String NEWS_FILE = "news.tsv";
  static final String BEHAVIORS_FILE = "behaviors.tsv";

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US);
  private static final int NEWS_FIELDS = 8;
  private static final int BEHAVIORS_FIELDS = 5;

  private final ZoneId zone;
  private final ObjectMapper json = new ObjectMapper();

  MindReader(ZoneId zone) {
    this.zone = zone;
  }

  /** Reads both files of a MIND folder. */
  MindData read(Path folder) {
    News news = readNews(require(folder, NEWS_FILE));
    Behaviors behaviors = readBehaviors(require(folder, BEHAVIORS_FILE));
    return new MindData(
        news.articles(), behaviors.impressions(), news.report(), behaviors.report());
  }

  /**
   * Checks that a folder holds both files.
   *
   * @throws SokoException naming the missing file and what to pass instead
   */
  static void checkFolder(Path folder) {
    require(folder, NEWS_FILE);
    require(folder, BEHAVIORS_FILE);
  }

  /** Reads {@code news.tsv}; the first row of an id wins. */
  News readNews(Path file) {
    Map<String, Article> articles = new LinkedHashMap<>();
    ReadReport.Builder report = new ReadReport.Builder(file.getFileName().toString());
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      long number = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        number++;
        if (line.isBlank()) {
          continue;
        }

        String[] fields = line.split("\t", -1);
        if (fields.length != NEWS_FIELDS) {
          report.malformed(number, fieldCount(fields.length, NEWS_FIELDS));
          continue;
        }

        String newsId = fields[0].strip();
        if (newsId.isEmpty()) {
          report.malformed(number, "empty news id");
          continue;
        }

        Set<String> entities = new HashSet<>();
        try {
          addEntities(fields[6], entities);
          addEntities(fields[7], entities);
        } catch (JsonProcessingException | IllegalArgumentException e) {
          report.malformed(number, "entities are not a JSON list");
          continue;
        }

        String title = fields[3];
        articles.putIfAbsent(
            newsId,
            new Article(
                newsId,
                fields[1].strip(),
                fields[2].strip(),
                title.codePointCount(0, title.length()),
                entities.size()));
        report.row();
      }
    } catch (IOException e) {
      throw new SokoException("Cannot read " + file + ": " + e.getMessage(), e);
    }

    return new News(articles, report.build());
  }

  /** Reads {@code behaviors.tsv}, keeping the file's order. */
  Behaviors readBehaviors(Path file) {
    List<Impression> impressions = new ArrayList<>();
    ReadReport.Builder report = new ReadReport.Builder(file.getFileName().toString());
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      long number = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        number++;
        if (line.isBlank()) {
          continue;
        }

        String problem = parseBehavior(line, number, impressions);
        if (problem == null) {
          report.row();
        } else {
          report.malformed(number, problem);
        }
      }
    } catch (IOException e) {
      throw new SokoException("Cannot read " + file + ": " + e.getMessage(), e);
    }

    return new Behaviors(impressions, report.build());
  }

  /** Parses one line into the list, or returns what is wrong with it. */
  private @Nullable String parseBehavior(String line, long number, List<Impression> into) {
    String[] fields = line.split("\t", -1);
    if (fields.length != BEHAVIORS_FIELDS) {
      return fieldCount(fields.length, BEHAVIORS_FIELDS);
    }

    long impressionId;
    try {
      impressionId = Long.parseLong(fields[0].strip());
    } catch (NumberFormatException e) {
      return "impression id '" + fields[0] + "' is not a number";
    }

    String userId = fields[1].strip();
    if (userId.isEmpty()) {
      return "empty user id";
    }

    // Limitation: a local time repeated when clocks go back resolves to the earlier offset, and
    // one skipped when they go forward moves later by the gap.
    Instant time;
    try {
      time = LocalDateTime.parse(fields[2].strip(), TIME).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      return "time '" + fields[2] + "' is not M/D/YYYY h:mm:ss AM|PM";
    }

    List<String> history = tokens(fields[3]);
    List<Candidate> candidates = new ArrayList<>();
    for (String token : tokens(fields[4])) {
      int dash = token.lastIndexOf('-');
      String label = dash < 0 ? "" : token.substring(dash + 1);
      if (dash <= 0 || !(label.equals("0") || label.equals("1"))) {
        return "impression '" + token + "' is not <news id>-<0|1>";
      }

      candidates.add(new Candidate(token.substring(0, dash), label.equals("1")));
    }

    if (candidates.isEmpty()) {
      return "no impressions";
    }

    into.add(new Impression(impressionId, userId, time, history, candidates, number));
    return null;
  }

  private void addEntities(String field, Set<String> into) throws JsonProcessingException {
    if (field.isBlank()) {
      return;
    }

    JsonNode list = json.readTree(field);
    if (!list.isArray()) {
      throw new IllegalArgumentException("not a list");
    }

    for (JsonNode entity : list) {
      JsonNode id = entity.get("WikidataId");
      if (id != null && id.isTextual()) {
        into.add(id.asText());
      }
    }
  }

  private static String fieldCount(int found, int expected) {
    return found + (found == 1 ? " field" : " fields") + ", expected " + expected;
  }

  private static List<String> tokens(String field) {
    String stripped = field.strip();
    return stripped.isEmpty() ? List.of() : List.of(stripped.split(" +"));
  }

  private static Path require(Path folder, String name) {
    Path file = folder.resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new SokoException(
          "Cannot read MIND data: "
              + file
              + " does not exist; pass --data a folder holding "
              + NEWS_FILE
              + " and "
              + BEHAVIORS_FILE
              + " (such as MIND's train or dev folder)");
    }

    return file;
  }

  /** The articles of {@code news.tsv} by id, and the read report. */
  record News(Map<String, Article> articles, ReadReport report) {}

  /** The rows of {@code behaviors.tsv} in file order, and the read report. */
  record Behaviors(List<Impression> impressions, ReadReport report) {}
}
