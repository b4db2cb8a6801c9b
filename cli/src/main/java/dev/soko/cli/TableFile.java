package dev.soko.cli;

import dev.soko.Column;
import dev.soko.GroupSpec;
import dev.soko.SokoException;
import dev.soko.duckdb.internal.DuckDbNames;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBResultSet;

/**
 * A CSV or Parquet file read as a group's rows: DuckDB, in memory and apart from the store, reads
 * the file, casts each of the group's columns to its type and hands the rows over as Arrow batches
 * of exactly the group's schema. Timestamps without a zone are read in a given zone.
 */
final class TableFile implements AutoCloseable {

  private static final int BATCH_ROWS = 65_536;

  private final Path path;
  private final InputFile format;
  private final DuckDBConnection connection;
  private final Map<String, String> types;

  private TableFile(
      Path path, InputFile format, DuckDBConnection connection, Map<String, String> types) {
    this.path = path;
    this.format = format;
    this.connection = connection;
    this.types = types;
  }

  /**
   * Opens a file and reads the names and types of its columns.
   *
   * @throws SokoException if DuckDB cannot read the file
   */
  static TableFile open(Path path, InputFile format) {
    DuckDBConnection connection;
    try {
      Properties properties = new Properties();
      // Extensions would be downloaded at run time; reading CSV and Parquet needs none.
      properties.setProperty("autoinstall_known_extensions", "false");
      properties.setProperty("autoload_known_extensions", "false");
      connection =
          DriverManager.getConnection("jdbc:duckdb:", properties).unwrap(DuckDBConnection.class);
    } catch (SQLException e) {
      throw new SokoException("Cannot start DuckDB to read " + path + ": " + e.getMessage(), e);
    }

    try {
      Map<String, String> types = new LinkedHashMap<>();
      try (PreparedStatement statement =
          connection.prepareStatement("DESCRIBE SELECT * FROM " + source(format, ""))) {
        statement.setString(1, path.toAbsolutePath().toString());
        try (ResultSet columns = statement.executeQuery()) {
          while (columns.next()) {
            types.put(columns.getString("column_name"), columns.getString("column_type"));
          }
        }
      }

      return new TableFile(path, format, connection, types);
    } catch (SQLException e) {
      closeQuietly(connection);
      throw unreadable(path, e);
    }
  }

  /** Returns the file's column names and DuckDB types, in file order. */
  Map<String, String> columnTypes() {
    return types;
  }

  /** Returns whether the column holds timestamps without a zone (or text that may be such). */
  boolean zoneLess(String column) {
    String type = types.get(column);
    return type != null && !type.equals("TIMESTAMP WITH TIME ZONE");
  }

  /** Returns whether any timestamp column of the group is read without a zone from this file. */
  boolean zoneLess(GroupSpec spec) {
    return spec.columns().stream()
        .filter(c -> c.type() == dev.soko.FeatureType.TIMESTAMP)
        .anyMatch(c -> zoneLess(c.name()));
  }

  /**
   * Reads the file's rows as batches of the group's columns, in the group's order and types; other
   * columns are left out. The caller closes the reader before this file.
   *
   * @param zone the zone of timestamps written without one
   * @throws SokoException if a column of the group is missing
   */
  ArrowReader read(GroupSpec spec, ZoneId zone, BufferAllocator allocator) {
    List<String> missing = new ArrayList<>();
    List<String> select = new ArrayList<>();
    List<String> forcedText = new ArrayList<>();
    for (Column column : spec.columns()) {
      String fileType = types.get(column.name());
      if (fileType == null) {
        missing.add(column.name());
        continue;
      }

      if (format == InputFile.CSV
          && column.type() == dev.soko.FeatureType.STRING
          && !fileType.equals("VARCHAR")) {
        // Read text as written: a number-like key such as 007 keeps its zeros.
        forcedText.add(literal(column.name()) + ": 'VARCHAR'");
      }

      select.add(
          "CAST("
              + quote(column.name())
              + " AS "
              + DuckDbNames.type(column.type())
              + ") AS "
              + quote(column.name()));
    }

    if (!missing.isEmpty()) {
      throw new SokoException(
          "Cannot read "
              + path
              + ": it has no column "
              + String.join(", ", missing)
              + " of group '"
              + spec.name()
              + "' (its columns are "
              + String.join(", ", types.keySet())
              + "); name the file's columns as the group's: "
              + String.join(", ", spec.columns().stream().map(Column::name).toList()));
    }

    String options =
        forcedText.isEmpty() ? "" : ", types = {" + String.join(", ", forcedText) + "}";
    try {
      try (Statement statement = connection.createStatement()) {
        // A timestamp without a zone cast to one is read in the session's zone.
        statement.execute("SET TimeZone = " + literal(duckDbZone(zone)));
      }

      PreparedStatement statement =
          connection.prepareStatement(
              "SELECT " + String.join(", ", select) + " FROM " + source(format, options));
      statement.setString(1, path.toAbsolutePath().toString());
      ResultSet result = statement.executeQuery();
      return (ArrowReader)
          result.unwrap(DuckDBResultSet.class).arrowExportStream(allocator, BATCH_ROWS);
    } catch (SQLException e) {
      throw unreadable(path, e);
    }
  }

  /** Wraps a failure to read the file, keeping DuckDB's first line, which names the problem. */
  static SokoException unreadable(Path path, Exception e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage().strip();
    int newline = message.indexOf('\n');
    return new SokoException(
        "Cannot read "
            + path
            + ": "
            + (newline < 0 ? message : message.substring(0, newline))
            + "; check that it is a valid "
            + (path.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")
                ? "CSV file with a header line"
                : "Parquet file")
            + " and that its values fit the group's types",
        e);
  }

  @Override
  public void close() {
    closeQuietly(connection);
  }

  private static String source(InputFile format, String options) {
    return switch (format) {
      case CSV -> "read_csv(?, header = true" + options + ")";
      case PARQUET -> "read_parquet(?)";
    };
  }

  // Limitation: in a CSV, list and byte columns must be written as DuckDB reads them as text
  // ([0.5, 1.0] for a list, \x01\x02 for bytes); Parquet carries them natively.

  /** Returns the zone as DuckDB's ICU names it: a region as is, an offset as GMT+hh:mm. */
  static String duckDbZone(ZoneId zone) {
    ZoneId normalized = zone.normalized();
    if (normalized instanceof java.time.ZoneOffset offset) {
      return offset.getTotalSeconds() == 0 ? "UTC" : "GMT" + offset.getId();
    }

    return normalized.getId();
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // Nothing is left to release when closing an in-memory database fails.
    }
  }
}
