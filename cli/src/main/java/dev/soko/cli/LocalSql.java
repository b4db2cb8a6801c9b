package dev.soko.cli;

import dev.soko.SokoException;
import dev.soko.StoreConfig;
import dev.soko.duckdb.internal.StoreFiles;
import dev.soko.spi.BackendConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Runs SQL against the local store's DuckDB file, opened read-only, so the query sees the views
 * {@code features.<group>} and {@code features.<group>_latest} and can change nothing.
 */
final class LocalSql {

  private LocalSql() {}

  /**
   * Runs a query and returns its first rows.
   *
   * @throws SokoException if the store is not a local one, does not exist yet, or the query fails
   */
  static SqlCommand.QueryResult run(StoreConfig config, String query, int maxRows) {
    Path file = file(config.offline());
    // Limitation: DuckDB lets one process write a file or several read it, so a query fails
    // while another process (a running pipeline) holds the store open for writing.
    Properties properties = new Properties();
    properties.setProperty("duckdb.read_only", "true");
    properties.setProperty("autoinstall_known_extensions", "false");
    properties.setProperty("autoload_known_extensions", "false");
    Connection connection;
    try {
      connection = DriverManager.getConnection("jdbc:duckdb:" + file, properties);
    } catch (SQLException e) {
      throw StoreFiles.openFailure(file, e);
    }

    try (connection;
        Statement statement = connection.createStatement()) {
      statement.execute("SET TimeZone = 'UTC'");
      if (!statement.execute(query)) {
        // A statement without rows, such as COPY ... TO: its count is what it did.
        long count = Math.max(statement.getUpdateCount(), 0);
        TextTable table = new TextTable(List.of("Count"));
        table.add(List.of(count));
        return new SqlCommand.QueryResult(table, 1);
      }

      try (ResultSet result = statement.getResultSet()) {
        ResultSetMetaData meta = result.getMetaData();
        List<String> header = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          header.add(meta.getColumnLabel(i));
        }

        TextTable table = new TextTable(header);
        long total = 0;
        while (result.next()) {
          total++;
          if (total <= maxRows) {
            List<Object> row = new ArrayList<>(header.size());
            for (int i = 1; i <= header.size(); i++) {
              row.add(value(result.getObject(i)));
            }

            table.add(row);
          }
        }

        return new SqlCommand.QueryResult(table, total);
      }
    } catch (SQLException e) {
      String message = e.getMessage() == null ? e.toString() : e.getMessage().strip();
      // execute() wraps the query's own error in one about its pending result; keep the former.
      int own = message.indexOf("\nError: ");
      if (message.startsWith("Invalid Input Error: Attempting to execute") && own >= 0) {
        message = message.substring(own + "\nError: ".length()).strip();
      }

      boolean notFound = message.contains("Catalog Error") && message.contains("does not exist");
      throw new SokoException(
          "Cannot run the query: "
              + message
              + (notFound ? "; the views are features.<group> and features.<group>_latest" : ""),
          e);
    }
  }

  private static Path file(BackendConfig offline) {
    if (!offline.type().equals("duckdb")) {
      throw new SokoException(
          "Cannot run SQL: the offline store is of type '"
              + offline.type()
              + "', and 'soko sql' queries the local DuckDB store only; query that store with its"
              + " own tools");
    }

    Path file =
        offline
            .baseDirectory()
            .resolve(offline.setting("path").orElse(StoreConfig.DEFAULT_PATH))
            .normalize();
    if (!Files.isRegularFile(file)) {
      throw new SokoException(
          "Cannot run SQL: the local store "
              + file
              + " does not exist yet; create it with 'soko init' or 'soko apply JAR'");
    }

    return file;
  }

  private static Object value(Object value) {
    if (value instanceof OffsetDateTime time) {
      return time.toInstant();
    }

    if (value instanceof Timestamp time) {
      return time.toLocalDateTime();
    }

    return value;
  }
}
