package dev.soko.samples.news;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What reading one MIND file found: how many rows were read and which lines were skipped.
 *
 * @param file the file's name
 * @param rows how many rows were read
 * @param malformed how many lines were malformed and skipped
 * @param firstMalformed the first few malformed lines, with why each was skipped
 */
record ReadReport(String file, long rows, long malformed, List<Skipped> firstMalformed) {

  /** How many malformed lines a report names. */
  static final int SHOWN = 5;

  ReadReport {
    firstMalformed = List.copyOf(firstMalformed);
  }

  /** Returns the line numbers of the first few malformed lines. */
  List<Long> firstMalformedLines() {
    return firstMalformed.stream().map(Skipped::line).toList();
  }

  /** Returns one line for the console, such as {@code "behaviors.tsv: 12 rows, 0 malformed"}. */
  String summary() {
    if (malformed == 0) {
      return file + ": " + rows + " rows, 0 malformed lines";
    }

    String shown =
        firstMalformed.stream()
            .map(s -> "line " + s.line() + " (" + s.reason() + ")")
            .collect(Collectors.joining("; "));
    return file
        + ": "
        + rows
        + " rows, "
        + malformed
        + " malformed line"
        + (malformed == 1 ? "" : "s")
        + " skipped: "
        + shown
        + (malformed > firstMalformed.size() ? "; ..." : "");
  }

  /**
   * One skipped line.
   *
   * @param line the line number, from 1
   * @param reason what was wrong with it
   */
  record Skipped(long line, String reason) {}

  /** Collects a report while a file is read. */
  static final class Builder {

    private final String file;
    private final List<Skipped> first = new ArrayList<>();
    private long rows;
    private long malformed;

    Builder(String file) {
      this.file = file;
    }

    void row() {
      rows++;
    }

    void malformed(long line, String reason) {
      malformed++;
      if (first.size() < SHOWN) {
        first.add(new Skipped(line, reason));
      }
    }

    ReadReport build() {
      return new ReadReport(file, rows, malformed, first);
    }
  }
}
