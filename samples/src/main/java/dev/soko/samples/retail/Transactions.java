package dev.soko.samples.retail;

import dev.soko.SokoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The shop's invoice lines as they arrive, one file a day, in a table of an in-memory DuckDB
 * database.
 *
 * <p>The folder holds one CSV file per trading day, named {@code YYYY-MM-DD.csv} or {@code
 * YYYY-MM-DD.csv.gz}. {@link #load} adds the files of the days up to a date, never later ones, so
 * whatever is computed from the table cannot see past that date. Lines without a customer id are
 * dropped on load. The table {@code lines} has:
 *
 * <ul>
 *   <li>{@code invoice}, {@code stock_code} (upper case), {@code quantity}, {@code price} (decimal,
 *       pounds), {@code invoice_time} (UK local time), {@code day} (its date), {@code customer_id}
 *       ({@code "17850"} for {@code 17850.0}), {@code country};
 *   <li>{@code is_order}: the invoice number does not start with {@code C};
 *   <li>{@code is_product}: the stock code matches {@link FeaturePipeline#PRODUCT_CODE}.
 * </ul>
 */
final class Transactions implements AutoCloseable {

  private static final Pattern FILE_NAME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.csv(\\.gz)?");

  private final NavigableMap<LocalDate, Path> files;
  private final Connection connection;
  private @Nullable LocalDate loadedThrough;

  private Transactions(NavigableMap<LocalDate, Path> files, Connection connection) {
    this.files = files;
    this.connection = connection;
  }

  /**
   * Opens the daily files in a folder, loading none yet.
   *
   * @throws SokoException if the folder cannot be read or holds no daily file
   */
  static Transactions open(Path folder) {
    NavigableMap<LocalDate, Path> files = new TreeMap<>();
    try (Stream<Path> paths = Files.list(folder)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Matcher name = FILE_NAME.matcher(path.getFileName().toString());
        if (name.matches()) {
          files.put(parseDay(name.group(1), path), path.toAbsolutePath());
        }
      }
    } catch (IOException e) {
      throw new SokoException(
          "Cannot read the retail data folder " + folder + ": " + e.getMessage(), e);
    }

    if (files.isEmpty()) {
      throw new SokoException(
          "Cannot find retail data in "
              + folder
              + ": it has no file named YYYY-MM-DD.csv or YYYY-MM-DD.csv.gz; pass the folder"
              + " samples/data/online-retail/by-day");
    }

    try {
      Connection connection = DriverManager.getConnection("jdbc:duckdb:");
      try (Statement statement = connection.createStatement()) {
        statement.execute(
            """
            CREATE TABLE lines (
              invoice VARCHAR NOT NULL,
              stock_code VARCHAR NOT NULL,
              quantity BIGINT NOT NULL,
              price DECIMAL(12, 3) NOT NULL,
              invoice_time TIMESTAMP NOT NULL,
              day DATE NOT NULL,
              customer_id VARCHAR NOT NULL,
              country VARCHAR NOT NULL,
              is_order BOOLEAN NOT NULL,
              is_product BOOLEAN NOT NULL)
            """);
      }

      return new Transactions(files, connection);
    } catch (SQLException e) {
      throw new SokoException("Cannot open an in-memory DuckDB database: " + e.getMessage(), e);
    }
  }

  private static LocalDate parseDay(String text, Path path) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new SokoException("Cannot read " + path + ": its name is not a valid date", e);
    }
  }

  /** Returns the days that have a file, in order. */
  List<LocalDate> fileDays() {
    return List.copyOf(files.keySet());
  }

  /** Returns the day of the first file. */
  LocalDate firstDay() {
    return files.firstKey();
  }

  /** Returns the day of the last file. */
  LocalDate lastDay() {
    return files.lastKey();
  }

  /** Returns the last day loaded, if any. */
  Optional<LocalDate> loadedThrough() {
    return Optional.ofNullable(loadedThrough);
  }

  /**
   * Loads the files of every day after the last loaded one up to and including {@code through}.
   * Days without a file are days without trade.
   *
   * @return how many lines with a customer id were added
   * @throws SokoException if {@code through} is before the last loaded day, or a file cannot be
   *     read or holds a line of another day
   */
  long load(LocalDate through) {
    if (loadedThrough != null && through.isBefore(loadedThrough)) {
      throw new SokoException(
          "Cannot load the days up to "
              + through
              + ": the days up to "
              + loadedThrough
              + " are loaded already; days load in order");
    }

    NavigableMap<LocalDate, Path> batch =
        loadedThrough == null
            ? files.headMap(through, true)
            : files.subMap(loadedThrough, false, through, true);
    long added = batch.isEmpty() ? 0 : insert(new ArrayList<>(batch.values()), through);
    loadedThrough = through;
    return added;
  }

  private long insert(List<Path> paths, LocalDate through) {
    List<String> quoted = new ArrayList<>(paths.size());
    for (Path path : paths) {
      quoted.add("'" + path.toString().replace("'", "''") + "'");
    }

    String sql =
        """
        INSERT INTO lines
        SELECT InvoiceNo,
               upper(StockCode),
               Quantity,
               UnitPrice,
               InvoiceDate,
               CAST(InvoiceDate AS DATE),
               regexp_replace(CustomerID, '\\.0$', ''),
               Country,
               NOT starts_with(InvoiceNo, 'C'),
               regexp_matches(StockCode, '%s')
        FROM read_csv([%s], header = true, delim = ',', quote = '"', escape = '"',
             timestampformat = '%%Y-%%m-%%d %%H:%%M:%%S',
             columns = {'InvoiceNo': 'VARCHAR', 'StockCode': 'VARCHAR',
                        'Description': 'VARCHAR', 'Quantity': 'BIGINT',
                        'InvoiceDate': 'TIMESTAMP', 'UnitPrice': 'DECIMAL(12, 3)',
                        'CustomerID': 'VARCHAR', 'Country': 'VARCHAR'})
        WHERE CustomerID IS NOT NULL
        """
            .formatted(FeaturePipeline.PRODUCT_CODE, String.join(", ", quoted));
    // One transaction, so that a bad file leaves the table as it was.
    try (Statement statement = connection.createStatement()) {
      statement.execute("BEGIN TRANSACTION");
      try {
        long added = statement.executeUpdate(sql);
        checkNoLaterLines(through);
        statement.execute("COMMIT");
        return added;
      } catch (SQLException | RuntimeException e) {
        try (Statement rollback = connection.createStatement()) {
          rollback.execute("ROLLBACK");
        }

        throw e;
      }
    } catch (SQLException e) {
      throw new SokoException(
          "Cannot load the retail files "
              + paths.get(0).getFileName()
              + " to "
              + through
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private void checkNoLaterLines(LocalDate through) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet later =
            statement.executeQuery(
                "SELECT min(day) FROM lines WHERE day > DATE '" + through + "'")) {
      later.next();
      LocalDate day = later.getObject(1, LocalDate.class);
      if (day != null) {
        throw new SokoException(
            "Cannot load the retail files up to "
                + through
                + ": a file holds lines of "
                + day
                + "; each file must hold only the lines of the day in its name");
      }
    }
  }

  /** Returns the connection to the database that holds {@code lines}. */
  Connection connection() {
    return connection;
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new SokoException("Cannot close the in-memory DuckDB database: " + e.getMessage(), e);
    }
  }
}
