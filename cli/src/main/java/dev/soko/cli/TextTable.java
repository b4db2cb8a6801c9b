package dev.soko.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain text table: a header, a rule, then rows, each column as wide as its widest cell. */
final class TextTable {

  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();
  private final boolean[] numeric;

  TextTable(List<String> header) {
    this.header = List.copyOf(header);
    this.numeric = new boolean[header.size()];
    Arrays.fill(numeric, true);
  }

  /** Adds a row; its values are shown as text, a null as {@code null}. */
  TextTable add(List<?> values) {
    if (values.size() != header.size()) {
      throw new IllegalStateException(
          "Row has " + values.size() + " values for " + header.size() + " columns");
    }

    List<String> cells = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      Object value = values.get(i);
      cells.add(cell(value));
      if (value != null && !(value instanceof Number)) {
        numeric[i] = false;
      }
    }

    rows.add(cells);
    return this;
  }

  int rowCount() {
    return rows.size();
  }

  /** Prints the table; numbers are aligned right, everything else left. */
  void print(PrintWriter out) {
    int[] widths = new int[header.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = header.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }

    out.println(line(header, widths));
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      rule.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
    }

    out.println(rule);
    for (List<String> row : rows) {
      out.println(line(row, widths));
    }

    out.flush();
  }

  private String line(List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      String padding = " ".repeat(widths[i] - cell.length());
      line.append(i == 0 ? "" : " | ");
      line.append(numeric[i] && rows.size() > 0 ? padding + cell : cell + padding);
    }

    return line.toString().stripTrailing();
  }

  /** Returns how a value shows in a table or a listing. */
  static String cell(Object value) {
    if (value == null) {
      return "null";
    }

    if (value instanceof float[] floats) {
      return Arrays.toString(floats);
    }

    if (value instanceof byte[] bytes) {
      return bytes.length + " bytes";
    }

    if (value instanceof Instant instant) {
      return instant.toString();
    }

    return String.valueOf(value).replaceAll("\\R", " ");
  }
}
