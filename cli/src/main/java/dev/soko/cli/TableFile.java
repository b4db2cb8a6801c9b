package dev.soko.cli;

import dev.soko.Column;
import dev.soko.GroupSpec;
import dev.soko.SokoException;
import dev.soko.duckdb.internal.DuckDbNames;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
  private static final Pattern CSV_LINE = Pattern.compile("CSV Error on Line: (\\d+)");
  private static final Pattern CSV_FIELDS =
      Pattern.compile("Expected Number of Columns: (\\d+) Found: (\\d+)");
  private static final List<String> FRACTIONAL = List.of("FLOAT", "DOUBLE", "DECIMAL", "REAL");

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
   * Opens a file and reads the names and types of its columns. A CSV file is read strictly, as RFC
   * 4180 writes it: a header line, commas between fields, double quotes around a field that holds
   * one; every field is read as text and cast to the group's types.
   *
   * @throws SokoException if DuckDB cannot read the file, or a CSV file is empty
   */
  static TableFile open(Path path, InputFile format) {
    Map<String, String> csvColumns = format == InputFile.CSV ? csvHeader(path) : null;
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

    if (csvColumns != null) {
      return new TableFile(path, format, connection, csvColumns);
    }

    try {
      Map<String, String> types = new LinkedHashMap<>();
      try (PreparedStatement statement =
          connection.prepareStatement("DESCRIBE SELECT * FROM " + source(format, types))) {
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

  /** Reads a CSV file's header line: its column names, each read as text. */
  private static Map<String, String> csvHeader(Path path) {
    String header;
    try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      header = reader.readLine();
    } catch (IOException e) {
      throw new SokoException("Cannot read " + path + ": " + e.getMessage(), e);
    }

    if (header == null || header.isBlank()) {
      throw new SokoException(
          "Cannot read "
              + path
              + ": the file is empty; write a header line naming the group's columns, then one"
              + " row per line");
    }

    Map<String, String> columns = new LinkedHashMap<>();
    for (String name : splitHeader(header.replace("\uFEFF", ""))) {
      columns.put(name, "VARCHAR");
    }

    return columns;
  }

  /** Splits a header line at commas outside double quotes, unquoting each name. */
  private static List<String> splitHeader(String line) {
    List<String> names = new ArrayList<>();
    StringBuilder name = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"' && quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        name.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        names.add(name.toString().strip());
        name.setLength(0);
      } else {
        name.append(c);
      }
    }

    names.add(name.toString().strip());
    return names;
  }

  /** Returns the file's column names and DuckDB types, in file order. */
  Map<String, String> columnTypes() {
    return types;
  }

  /**
   * Returns whether the column holds a timestamp without a zone: a Parquet timestamp without one,
   * or text that ends in no offset, {@code Z} or zone name. Empty values do not count.
   */
  boolean zoneLess(String column) {
    String type = types.get(column);
    if (type == null || type.equals("TIMESTAMP WITH TIME ZONE")) {
      return false;
    }

    String value = quote(column);
    return exists(
        type.equals("VARCHAR")
            ? value
                + " IS NOT NULL AND trim("
                + value
                + ") <> '' AND NOT regexp_matches(trim("
                + value
                + "), '(Z|z|[+-]\\d\\d(:?\\d\\d)?|[A-Za-z]+/[A-Za-z_]+|UTC)$')"
            : value + " IS NOT NULL");
  }

  /** Returns whether any timestamp column of the group holds a time without a zone. */
  boolean zoneLess(GroupSpec spec) {
    return spec.columns().stream()
        .filter(c -> c.type() == dev.soko.FeatureType.TIMESTAMP)
        .anyMatch(c -> zoneLess(c.name()));
  }

  /** Returns whether the column holds no value in any row (a header-only file holds none). */
  boolean empty(String column) {
    String value = quote(column);
    return !exists(
        value
            + " IS NOT NULL"
            + (types.get(column).equals("VARCHAR") ? " AND trim(" + value + ") <> ''" : ""));
  }

  private boolean exists(String condition) {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT EXISTS (SELECT 1 FROM "
                + source(format, types)
                + " WHERE "
                + condition
                + ")")) {
      statement.setString(1, path.toAbsolutePath().toString());
      try (ResultSet result = statement.executeQuery()) {
        return result.next() && result.getBoolean(1);
      }
    } catch (SQLException e) {
      throw unreadable(path, e);
    }
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
    List<String> checks = new ArrayList<>();
    for (Column column : spec.columns()) {
      String fileType = types.get(column.name());
      if (fileType == null) {
        missing.add(column.name());
        continue;
      }

      String check = badValue(column, fileType);
      if (check != null) {
        checks.add(
            "SELECT __line, "
                + literal(column.name())
                + ", CAST("
                + quote(column.name())
                + " AS VARCHAR) FROM rows WHERE "
                + check);
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

    try {
      try (Statement statement = connection.createStatement()) {
        // A timestamp without a zone cast to one is read in the connection's TimeZone setting.
        statement.execute("SET TimeZone = " + literal(duckDbZone(zone)));
      }

      if (!checks.isEmpty()) {
        checkValues(spec, checks);
      }

      PreparedStatement statement =
          connection.prepareStatement(
              "SELECT " + String.join(", ", select) + " FROM " + source(format, types));
      statement.setString(1, path.toAbsolutePath().toString());
      ResultSet result = statement.executeQuery();
      return (ArrowReader)
          result.unwrap(DuckDBResultSet.class).arrowExportStream(allocator, BATCH_ROWS);
    } catch (SQLException e) {
      throw unreadable(path, e);
    }
  }

  /**
   * Wraps a failure to read the file: a CSV line that breaks the format is named with its line
   * number; otherwise DuckDB's first line, which names the problem, is kept.
   */
  static SokoException unreadable(Path path, Exception e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage().strip();
    Matcher line = CSV_LINE.matcher(message);
    if (line.find()) {
      Matcher fields = CSV_FIELDS.matcher(message);
      String problem =
          fields.find()
              ? "line "
                  + line.group(1)
                  + " has "
                  + fields.group(2)
                  + " fields, but the header has "
                  + fields.group(1)
                  + "; give every line one field per header column"
              : message.contains("unterminated quote")
                  ? "line "
                      + line.group(1)
                      + " has a value with an unterminated quote; close the quote, and write a"
                      + " quote inside a quoted value as two (\"\")"
                  : "line " + line.group(1) + " is not valid CSV: " + csvReason(message);
      return new SokoException("Cannot read " + path + ": " + problem, e);
    }

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

  /** Returns the line of DuckDB's CSV error that says what is wrong. */
  private static String csvReason(String message) {
    return message
        .lines()
        .skip(1)
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("Original Line"))
        .findFirst()
        .orElse("its fields cannot be read");
  }

  @Override
  public void close() {
    closeQuietly(connection);
  }

  private static String source(InputFile format, Map<String, String> types) {
    return switch (format) {
      case CSV ->
          "read_csv(?, header = true, auto_detect = false, strict_mode = true, delim = ',',"
              + " quote = '\"', escape = '\"', columns = {"
              + String.join(
                  ", ", types.keySet().stream().map(c -> literal(c) + ": 'VARCHAR'").toList())
              + "})";
      case PARQUET -> "read_parquet(?)";
    };
  }

  /**
   * Returns the condition under which a value of the file's column does not fit the group's column,
   * or null when every value fits (text into a string column).
   */
  private static String badValue(Column column, String fileType) {
    String value = quote(column.name());
    String target = DuckDbNames.type(column.type());
    if (target.equals(fileType)) {
      return null;
    }

    String bad = value + " IS NOT NULL AND (TRY_CAST(" + value + " AS " + target + ") IS NULL";
    boolean whole =
        column.type() == dev.soko.FeatureType.INT || column.type() == dev.soko.FeatureType.LONG;
    if (whole && fileType.equals("VARCHAR")) {
      // A cast rounds 1.7 to 2: a whole-number column takes only digits.
      bad += " OR NOT regexp_matches(" + value + ", '^\\s*[+-]?\\d+(\\.0*)?\\s*$')";
    } else if (whole && FRACTIONAL.stream().anyMatch(fileType::startsWith)) {
      bad += " OR " + value + " <> trunc(" + value + ")";
    }

    return bad + ")";
  }

  /**
   * Finds the first value that does not fit its column, before any row is handed over.
   *
   * @throws SokoException naming the line (the row of a Parquet file), column and value
   */
  private void checkValues(GroupSpec spec, List<String> checks) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "WITH rows AS (SELECT row_number() OVER () AS __line, * FROM "
                + source(format, types)
                + ") "
                + String.join(" UNION ALL ", checks)
                + " ORDER BY 1 LIMIT 1")) {
      statement.setString(1, path.toAbsolutePath().toString());
      try (ResultSet result = statement.executeQuery()) {
        if (!result.next()) {
          return;
        }

        // Limitation: the line is the row's number plus the header, so a quoted CSV value that
        // spans lines makes later line numbers low; and the check reads the file once more.
        long row = result.getLong(1);
        String name = result.getString(2);
        Column column = spec.column(name).orElseThrow();
        String type = column.type().name().toLowerCase(java.util.Locale.ROOT);
        boolean whole =
            column.type() == dev.soko.FeatureType.INT || column.type() == dev.soko.FeatureType.LONG;
        throw new SokoException(
            "Cannot read "
                + path
                + ": "
                + (format == InputFile.CSV ? "line " + (row + 1) : "row " + row)
                + ", column "
                + name
                + ": '"
                + result.getString(3)
                + "' is not "
                + (whole ? "a whole number" : "a " + type)
                + ", the type of column "
                + name
                + " of group '"
                + spec.name()
                + "'; correct the value, or leave it empty for none");
      }
    }
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
