package dev.soko.cli;

import dev.soko.Column;
import dev.soko.FeatureType;
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
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.VectorSchemaRootAppender;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;
import org.duckdb.DuckDBResultSet;

/**
 * A CSV or Parquet file read as a group's rows: DuckDB, in memory and apart from the store, reads
 * the file once, casts each of the group's columns to its type and streams the rows over as Arrow
 * parts, gathered into one batch of exactly the group's schema. Timestamps without a zone are read
 * in a given zone.
 */
final class TableFile implements AutoCloseable {

  private static final int BATCH_ROWS = 65_536;
  private static final Pattern CSV_LINE = Pattern.compile("CSV Error on Line: (\\d+)");
  private static final Pattern CSV_FIELDS =
      Pattern.compile("Expected Number of Columns: (\\d+) Found: (\\d+)");
  private static final List<String> FRACTIONAL = List.of("FLOAT", "DOUBLE", "DECIMAL", "REAL");
  private static final List<String> INTEGRAL =
      List.of(
          "TINYINT",
          "SMALLINT",
          "INTEGER",
          "BIGINT",
          "HUGEINT",
          "UTINYINT",
          "USMALLINT",
          "UINTEGER",
          "UBIGINT",
          "UHUGEINT");
  // Digits, with an optional sign and a fraction of zeros: the text a whole-number column takes.
  private static final String WHOLE_TEXT = "'^\\s*[+-]?\\d+(\\.0*)?\\s*$'";
  private static final String BAD_COLUMN_NAME = "__soko_bad_column";
  private static final String BAD_TEXT_NAME = "__soko_bad_text";
  private static final String OUT_OF_RANGE_NAME = "__soko_out_of_range";
  private static final String ZONE_LESS_NAME = "__soko_zone_less";
  private static final String BAD_COLUMN = quote(BAD_COLUMN_NAME);
  private static final String BAD_TEXT = quote(BAD_TEXT_NAME);
  private static final String OUT_OF_RANGE = quote(OUT_OF_RANGE_NAME);
  private static final String ZONE_LESS = quote(ZONE_LESS_NAME);

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
      // Rows stream to the reader as DuckDB reads them, instead of being gathered in DuckDB first.
      properties.setProperty(DuckDBDriver.JDBC_STREAM_RESULTS, "true");
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
      if (columns.put(name, "VARCHAR") != null) {
        throw new SokoException(
            "Cannot read "
                + path
                + ": the header line names column '"
                + name
                + "' twice; give each column its own name");
      }
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
    String condition = zoneLessValue(column);
    return condition != null && exists(condition);
  }

  /**
   * Returns the condition under which a value of the column is a time without a zone, or null when
   * the column cannot hold one. An offset counts only after a time, so that the day of a date
   * ({@code -07} in {@code 2011-01-07}) is not taken for one.
   */
  private String zoneLessValue(String column) {
    String type = types.get(column);
    if (type == null || type.equals("TIMESTAMP WITH TIME ZONE")) {
      return null;
    }

    String value = quote(column);
    return type.equals("VARCHAR")
        ? value
            + " IS NOT NULL AND trim("
            + value
            + ") <> '' AND NOT regexp_matches(trim("
            + value
            + "), '(Z|z|:\\d\\d(\\.\\d+)?\\s*[+-]\\d\\d(:?\\d\\d)?|[A-Za-z]+/[A-Za-z_]+|UTC)$')"
        : value + " IS NOT NULL";
  }

  /** Returns whether the file holds at least one row. */
  boolean hasRows() {
    return exists("true");
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
   * Reads every row of the file into one batch of the group's columns, in the group's order and
   * types; other columns are left out. The file is read once: in the same pass DuckDB casts each
   * value, marks the first value of a row that does not fit its column, and marks times written
   * without a zone. The caller closes the batch.
   *
   * <p>A nullable feature the file has no column for, as in a file written before a compatible
   * change added it, is read as null in every row and named in {@link Rows#absent()}.
   *
   * @param zone the zone of timestamps written without one
   * @param progress told the number of rows of each part read
   * @throws SokoException if the file has no column for a key, the event time or a primitive
   *     feature, the file is not valid, a value does not fit its column, or a key, the event time
   *     or a primitive feature is empty (naming the line, or the row of a Parquet file, the column
   *     and the value)
   */
  Rows readAll(GroupSpec spec, ZoneId zone, BufferAllocator allocator, LongConsumer progress) {
    List<Column> columns = spec.columns();
    List<String> missing = new ArrayList<>();
    List<String> absent = new ArrayList<>();
    List<String> values = new ArrayList<>();
    List<String> casts = new ArrayList<>();
    List<String> badWhen = new ArrayList<>();
    List<String> badText = new ArrayList<>();
    List<String> outOfRange = new ArrayList<>();
    List<String> zoneLess = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      Column column = columns.get(i);
      String fileType = types.get(column.name());
      if (fileType == null && column.nullable()) {
        // A file written before a compatible change added this feature: it reads as null.
        absent.add(column.name());
        casts.add(
            "CAST(NULL AS " + DuckDbNames.type(column.type()) + ") AS " + quote(column.name()));
        continue;
      }

      if (fileType == null) {
        missing.add(column.name());
        continue;
      }

      String value = quote(column.name());
      values.add(value);
      String bad = badValue(column, fileType);
      if (!column.nullable()) {
        // Marked here, so that an empty key or required value is named by its line, as a bad one.
        bad = value + " IS NULL" + (bad == null ? "" : " OR " + bad);
      }

      if (bad != null) {
        badWhen.add(" WHEN " + bad + " THEN " + i);
        badText.add(" WHEN " + i + " THEN CAST(" + value + " AS VARCHAR)");
        String whole = wholeNumber(column, fileType);
        if (whole != null) {
          outOfRange.add(" WHEN " + i + " THEN " + whole);
        }
      }

      String noZone = column.type() == FeatureType.TIMESTAMP ? zoneLessValue(column.name()) : null;
      if (noZone != null) {
        zoneLess.add("(" + noZone + ")");
      }

      // A row with a value that does not fit is refused through its mark, so the cast may fail.
      casts.add(
          (bad == null ? "CAST(" : "TRY_CAST(")
              + value
              + " AS "
              + DuckDbNames.type(column.type())
              + ") AS "
              + value);
    }

    if (!missing.isEmpty()) {
      throw new SokoException(
          "Cannot read "
              + path
              + (missing.size() == 1 ? ": it has no column " : ": it has no columns ")
              + String.join(", ", missing)
              + " of group '"
              + spec.name()
              + "' (its columns are "
              + String.join(", ", types.keySet())
              + "); name the file's columns as the group's: "
              + String.join(", ", columns.stream().map(Column::name).toList()));
    }

    List<String> marked = new ArrayList<>(values);
    List<String> select = new ArrayList<>(casts);
    if (!badWhen.isEmpty()) {
      marked.add("CASE" + String.join("", badWhen) + " END AS " + BAD_COLUMN);
      select.add(BAD_COLUMN);
      select.add("CASE " + BAD_COLUMN + String.join("", badText) + " END AS " + BAD_TEXT);
      // A bad value that is a whole number failed its cast for being out of the column's range.
      select.add(
          outOfRange.isEmpty()
              ? "false AS " + OUT_OF_RANGE
              : "coalesce(CASE "
                  + BAD_COLUMN
                  + String.join("", outOfRange)
                  + " END, false) AS "
                  + OUT_OF_RANGE);
    }

    if (!zoneLess.isEmpty()) {
      marked.add(String.join(" OR ", zoneLess) + " AS " + ZONE_LESS);
      select.add(ZONE_LESS);
    }

    String sql =
        "SELECT "
            + String.join(", ", select)
            + " FROM (SELECT "
            + String.join(", ", marked)
            + " FROM "
            + source(format, types)
            + ")";
    try {
      try (Statement statement = connection.createStatement()) {
        // A timestamp without a zone cast to one is read in the connection's TimeZone setting.
        statement.execute("SET TimeZone = " + literal(duckDbZone(zone)));
        // Rows come in file order: the last of equal rows wins, and a bad row is named by its line.
        statement.execute("SET preserve_insertion_order = true");
      }

      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        statement.setString(1, path.toAbsolutePath().toString());
        try (ResultSet result = statement.executeQuery();
            ArrowReader reader =
                (ArrowReader)
                    result.unwrap(DuckDBResultSet.class).arrowExportStream(allocator, BATCH_ROWS)) {
          Rows rows =
              collect(spec, reader, allocator, !badWhen.isEmpty(), !zoneLess.isEmpty(), progress);
          return new Rows(rows.batch(), rows.zoneLess(), absent);
        }
      }
    } catch (SQLException | IOException e) {
      throw unreadable(path, e);
    }
  }

  /**
   * The rows of a file in one batch.
   *
   * @param zoneLess whether any of its times was written without a zone
   * @param absent the nullable features the file has no column for, read as null in every row
   */
  record Rows(VectorSchemaRoot batch, boolean zoneLess, List<String> absent) {

    Rows {
      absent = List.copyOf(absent);
    }
  }

  /**
   * Returns the line that tells the user which of the group's nullable features a file has no
   * column for, and so stores as null.
   */
  static String absentNote(Path file, List<String> columns) {
    return file.getFileName()
        + (columns.size() == 1
            ? " has no column " + columns.get(0) + "; it is stored as null in every row."
            : " has no columns "
                + String.join(", ", columns)
                + "; they are stored as null in every row.");
  }

  /** Appends the group's columns of every part the reader reads into one batch, checking marks. */
  private Rows collect(
      GroupSpec spec,
      ArrowReader reader,
      BufferAllocator allocator,
      boolean marksBad,
      boolean marksZone,
      LongConsumer progress)
      throws IOException {
    int width = spec.columns().size();
    VectorSchemaRoot part = reader.getVectorSchemaRoot();
    List<Field> fields = part.getSchema().getFields().subList(0, width);
    VectorSchemaRoot all = VectorSchemaRoot.create(new Schema(fields), allocator);
    boolean zoneLess = false;
    long read = 0;
    try {
      all.allocateNew();
      while (loadNext(reader)) {
        int rows = part.getRowCount();
        if (marksBad) {
          checkMarks(spec, part, read);
        }

        if (marksZone && !zoneLess) {
          BitVector marks = (BitVector) part.getVector(ZONE_LESS_NAME);
          zoneLess = marks.getNullCount() < rows && anySet(marks, rows);
        }

        // A view of the part's own vectors: appended, not owned, so never closed here.
        VectorSchemaRoot groupColumns =
            new VectorSchemaRoot(fields, part.getFieldVectors().subList(0, width), rows);
        VectorSchemaRootAppender.append(all, groupColumns);
        read += rows;
        progress.accept(rows);
      }

      return new Rows(all, zoneLess, List.of());
    } catch (RuntimeException | IOException e) {
      all.close();
      throw e;
    }
  }

  /**
   * Refuses the first value of a part that does not fit its column, or is empty in a column that
   * cannot be null.
   *
   * @param before the number of rows read before this part
   * @throws SokoException naming the line (the row of a Parquet file), column and value
   */
  private void checkMarks(GroupSpec spec, VectorSchemaRoot part, long before) {
    IntVector marks = (IntVector) part.getVector(BAD_COLUMN_NAME);
    int rows = part.getRowCount();
    if (marks.getNullCount() == rows) {
      return;
    }

    int row = 0;
    while (marks.isNull(row)) {
      row++;
    }

    // Limitation: the line is the row's number plus the header, so a quoted CSV value that spans
    // lines makes later line numbers low.
    long number = before + row + 1;
    Column column = spec.columns().get(marks.get(row));
    String name = column.name();
    String where = format == InputFile.CSV ? "line " + (number + 1) : "row " + number;
    Object text = part.getVector(BAD_TEXT_NAME).getObject(row);
    if (text == null) {
      String group = " of group '" + spec.name() + "'";
      String required =
          switch (column.role()) {
            case KEY -> "it is a key" + group;
            case EVENT_TIME -> "it is the event time" + group;
            case FEATURE ->
                "feature "
                    + name
                    + group
                    + " cannot be null (it is a primitive "
                    + column.type().javaName()
                    + ")";
          };
      throw new SokoException(
          "Cannot read "
              + path
              + ": "
              + where
              + ", column "
              + name
              + " is empty, but "
              + required
              + "; give it a value");
    }

    String type = column.type().name().toLowerCase(java.util.Locale.ROOT);
    boolean whole = column.type() == FeatureType.INT || column.type() == FeatureType.LONG;
    BitVector outOfRange = (BitVector) part.getVector(OUT_OF_RANGE_NAME);
    String problem;
    if (outOfRange.get(row) == 1) {
      problem =
          column.type() == FeatureType.INT
              ? "is a whole number out of range for an int ("
                  + Integer.MIN_VALUE
                  + " to "
                  + Integer.MAX_VALUE
                  + ")"
              : "is a whole number out of range for a long ("
                  + Long.MIN_VALUE
                  + " to "
                  + Long.MAX_VALUE
                  + ")";
    } else {
      problem = whole ? "is not a whole number" : "is not a " + type;
    }

    throw new SokoException(
        "Cannot read "
            + path
            + ": "
            + where
            + ", column "
            + name
            + ": '"
            + text
            + "' "
            + problem
            + ", the type of column "
            + name
            + " of group '"
            + spec.name()
            + (column.nullable()
                ? "'; correct the value, or leave it empty for none"
                : "'; correct the value"));
  }

  private static boolean anySet(BitVector marks, int rows) {
    for (int row = 0; row < rows; row++) {
      if (!marks.isNull(row) && marks.get(row) == 1) {
        return true;
      }
    }

    return false;
  }

  private boolean loadNext(ArrowReader reader) throws IOException {
    try {
      return reader.loadNextBatch();
    } catch (RuntimeException e) {
      // DuckDB reports a line that breaks the CSV format while the rows stream.
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

    String bad = value + " IS NOT NULL AND (" + misfit(value, target, fileType);
    if (target.endsWith("[]")) {
      // A cast to a list casts each element as TRY_CAST does: an element that does not fit would
      // become null, or be rounded, instead of refusing the value.
      String element = target.substring(0, target.length() - 2);
      String fileElement =
          fileType.endsWith("[]") ? fileType.substring(0, fileType.length() - 2) : "VARCHAR";
      String elements = fileType.endsWith("[]") ? value : "TRY_CAST(" + value + " AS VARCHAR[])";
      if (!element.equals(fileElement)) {
        bad +=
            " OR coalesce(list_bool_or(list_transform("
                + elements
                + ", lambda e: e IS NOT NULL AND ("
                + misfit("e", element, fileElement)
                + "))), false)";
      }
    }

    return bad + ")";
  }

  /**
   * Returns the condition under which a value of the file's column is a whole number, for a column
   * of the group that holds whole numbers; null for another column, or a file type that holds no
   * whole numbers.
   */
  private static String wholeNumber(Column column, String fileType) {
    if (column.type() != FeatureType.INT && column.type() != FeatureType.LONG) {
      return null;
    }

    String value = quote(column.name());
    if (fileType.equals("VARCHAR")) {
      return "regexp_matches(" + value + ", " + WHOLE_TEXT + ")";
    }

    if (INTEGRAL.contains(fileType)) {
      return "true";
    }

    if (FRACTIONAL.stream().anyMatch(fileType::startsWith)) {
      return "isfinite(CAST(" + value + " AS DOUBLE)) AND " + value + " = trunc(" + value + ")";
    }

    return null;
  }

  /**
   * Returns the condition under which a non-null value of a file type does not fit a DuckDB type:
   * the cast fails, or a whole-number type would round it.
   */
  private static String misfit(String value, String target, String fileType) {
    String misfit = "TRY_CAST(" + value + " AS " + target + ") IS NULL";
    boolean whole = target.equals("INTEGER") || target.equals("BIGINT");
    if (whole && fileType.equals("VARCHAR")) {
      // A cast rounds 1.7 to 2: a whole-number column takes only digits.
      misfit += " OR NOT regexp_matches(" + value + ", " + WHOLE_TEXT + ")";
    } else if (whole && FRACTIONAL.stream().anyMatch(fileType::startsWith)) {
      misfit += " OR " + value + " <> trunc(" + value + ")";
    }

    return misfit;
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
