package dev.soko.samples.retail;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The raw invoice lines of the files up to a day, read with Commons CSV and no SQL: the tests'
 * independent view of the data.
 */
final class RawLines {

  /** One invoice line with a customer id. */
  record Line(
      String invoice,
      String stockCode,
      long quantity,
      BigDecimal price,
      LocalDateTime time,
      String customerId,
      String country) {

    LocalDate day() {
      return time.toLocalDate();
    }

    boolean isOrder() {
      return !invoice.startsWith("C");
    }

    boolean isProduct() {
      return stockCode.length() >= 5
          && stockCode.substring(0, 5).chars().allMatch(Character::isDigit);
    }
  }

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private RawLines() {}

  /** Reads the lines with a customer id of every file named for a day up to {@code cut}. */
  static List<Line> upTo(Path folder, LocalDate cut) {
    return between(folder, LocalDate.MIN, cut);
  }

  /**
   * Reads the lines with a customer id of the files named for the days {@code first} to {@code
   * last}.
   */
  static List<Line> between(Path folder, LocalDate first, LocalDate last) {
    List<Line> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.sorted().toList()) {
        LocalDate day = LocalDate.parse(file.getFileName().toString().substring(0, 10));
        if (!day.isBefore(first) && !day.isAfter(last)) {
          read(file, lines);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }

    return lines;
  }

  private static void read(Path file, List<Line> lines) throws IOException {
    try (Reader reader =
        new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8)) {
      CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
      for (CSVRecord record : format.parse(reader)) {
        String customer = record.get("CustomerID");
        if (customer.isEmpty()) {
          continue;
        }

        lines.add(
            new Line(
                record.get("InvoiceNo"),
                record.get("StockCode").toUpperCase(java.util.Locale.ROOT),
                Long.parseLong(record.get("Quantity")),
                new BigDecimal(record.get("UnitPrice")),
                LocalDateTime.parse(record.get("InvoiceDate"), TIME),
                customer.substring(0, customer.indexOf('.')),
                record.get("Country")));
      }
    }
  }
}
