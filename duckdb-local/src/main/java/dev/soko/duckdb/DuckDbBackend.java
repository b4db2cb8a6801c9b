package dev.soko.duckdb;

import static dev.soko.duckdb.internal.DuckDbNames.quote;

import dev.soko.SokoException;
import dev.soko.duckdb.internal.DuckDbNames;
import dev.soko.duckdb.internal.StoreFiles;
import dev.soko.internal.RecordBatches;
import dev.soko.spi.Backend;
import dev.soko.spi.JoinEngine;
import dev.soko.spi.OfflineStore;
import dev.soko.spi.OnlineStore;
import dev.soko.spi.Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBResultSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local backend: one DuckDB connection to one store file that holds the offline history, the
 * online values and the registry. Operations run one at a time on that connection, except reads of
 * online values and of the registry: a DuckDB connection serves one thread at a time, so each of
 * those runs on a reader connection of its own, a duplicate of the main one taken from a pool, and
 * sees the data as of the last committed change.
 */
public final class DuckDbBackend implements Backend {

  private static final Logger LOG = LoggerFactory.getLogger(DuckDbBackend.class);
  private static final int BATCH_ROWS = 65_536;

  /** Counts the tables or views of a schema and name: 1 when it exists, else 0. */
  static final String TABLE_EXISTS =
      "SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?";

  private static final List<String> SCHEMAS =
      List.of(
          DuckDbNames.OFFLINE,
          DuckDbNames.ONLINE,
          DuckDbNames.REGISTRY,
          DuckDbNames.FEATURES,
          DuckDbNames.REPLACED);

  private final Path file;
  private final Connection connection;
  private final AtomicLong views = new AtomicLong();
  private final Deque<DuckDBConnection> readers = new ConcurrentLinkedDeque<>();
  private volatile boolean closed;
  private final DuckDbOfflineStore offline;
  private final DuckDbOnlineStore online;
  private final DuckDbRegistry registry;
  private final DuckDbJoinEngine joinEngine;

  private DuckDbBackend(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
    this.offline = new DuckDbOfflineStore(this);
    this.online = new DuckDbOnlineStore(this);
    this.registry = new DuckDbRegistry(this);
    this.joinEngine = new DuckDbJoinEngine(connection);
  }

  /**
   * Opens a store file, creating it and its schemas when missing.
   *
   * @throws SokoException if the file cannot be opened, in particular when another process holds it
   */
  public static DuckDbBackend open(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    String stem = absolute.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    if (SCHEMAS.contains(stem)) {
      // DuckDB names the database after its file; that name would clash with a schema's.
      throw new SokoException(
          "Cannot open store file "
              + absolute
              + ": its name must not be one of "
              + String.join(", ", SCHEMAS)
              + ", the store's schemas. Rename it, such as soko.duckdb.");
    }

    try {
      Path parent = absolute.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new SokoException(
          "Cannot open store file " + absolute + ": cannot create its folder: " + e.getMessage(),
          e);
    }

    Properties properties = new Properties();
    // Extensions would be downloaded at run time; the store needs none beyond the bundled ones.
    properties.setProperty("autoinstall_known_extensions", "false");
    properties.setProperty("autoload_known_extensions", "false");
    Connection connection;
    try {
      connection = DriverManager.getConnection("jdbc:duckdb:" + absolute, properties);
    } catch (SQLException e) {
      throw StoreFiles.openFailure(absolute, e);
    }

    DuckDbBackend backend = new DuckDbBackend(absolute, connection);
    try {
      backend.execute("SET TimeZone = 'UTC'");
      for (String schema : SCHEMAS) {
        backend.execute("CREATE SCHEMA IF NOT EXISTS " + quote(schema));
      }

      backend.registry.create();
    } catch (RuntimeException e) {
      backend.close();
      throw e;
    }

    LOG.debug("Opened store file {}", absolute);
    return backend;
  }

  /** Returns the store file. */
  public Path file() {
    return file;
  }

  @Override
  public Optional<OfflineStore> offline() {
    return Optional.of(offline);
  }

  @Override
  public Optional<OnlineStore> online() {
    return Optional.of(online);
  }

  @Override
  public Optional<Registry> registry() {
    return Optional.of(registry);
  }

  /**
   * Returns the DuckDB join engine. It runs each join on its own duplicate of this backend's
   * connection and reads the offline tables named by {@link DuckDbNames#offlineTable}.
   */
  @Override
  public Optional<JoinEngine> joinEngine() {
    return Optional.of(joinEngine);
  }

  @Override
  public void close() {
    synchronized (lock()) {
      closed = true;
      try {
        for (DuckDBConnection reader = readers.poll(); reader != null; reader = readers.poll()) {
          reader.close();
        }

        connection.close();
      } catch (SQLException e) {
        throw new SokoException("Cannot close store file " + file + ": " + e.getMessage(), e);
      }
    }
  }

  /** Returns the connection to the store file; use it only while holding {@link #lock()}. */
  Connection connection() {
    return connection;
  }

  /** Returns the lock that serializes use of the connection. */
  Object lock() {
    return this;
  }

  /** Runs one SQL statement without parameters. */
  void execute(String sql) {
    synchronized (lock()) {
      LOG.debug("SQL: {}", sql);
      try (Statement statement = connection.createStatement()) {
        statement.execute(sql);
      } catch (SQLException e) {
        throw new SokoException("Cannot run SQL on " + file + ": " + e.getMessage(), e);
      }
    }
  }

  /** Runs a query with parameters and maps its result set. */
  <T> T query(String sql, List<?> parameters, SqlFunction<ResultSet, T> mapper) {
    synchronized (lock()) {
      LOG.debug("SQL: {} {}", sql, parameters);
      try (PreparedStatement statement = prepare(sql, parameters);
          ResultSet result = statement.executeQuery()) {
        return mapper.apply(result);
      } catch (SQLException e) {
        throw new SokoException("Cannot query " + file + ": " + e.getMessage(), e);
      }
    }
  }

  /** Runs an update with parameters and returns the count of rows changed. */
  long update(String sql, List<?> parameters) {
    synchronized (lock()) {
      LOG.debug("SQL: {} {}", sql, parameters);
      try (PreparedStatement statement = prepare(sql, parameters)) {
        return statement.executeLargeUpdate();
      } catch (SQLException e) {
        throw new SokoException("Cannot update " + file + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * Runs a query and reads its whole result as Arrow batches held in memory; the caller closes the
   * reader.
   */
  ArrowReader queryArrow(String sql, List<?> parameters, BufferAllocator allocator) {
    synchronized (lock()) {
      LOG.debug("SQL: {} {}", sql, parameters);
      try (PreparedStatement statement = prepare(sql, parameters);
          DuckDBResultSet result = (DuckDBResultSet) statement.executeQuery()) {
        ArrowReader reader = (ArrowReader) result.arrowExportStream(allocator, BATCH_ROWS);
        return RecordBatches.drain(reader, allocator);
      } catch (SQLException | IOException e) {
        throw new SokoException("Cannot query " + file + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * Runs a read-only query with parameters on a reader connection and maps its result set; reads
   * run alongside each other and alongside the operation that holds {@link #lock()}.
   */
  <T> T read(String sql, List<?> parameters, SqlFunction<ResultSet, T> mapper) {
    LOG.debug("SQL (reader): {} {}", sql, parameters);
    DuckDBConnection reader = borrowReader();
    try (PreparedStatement statement = prepare(reader, sql, parameters);
        ResultSet result = statement.executeQuery()) {
      return mapper.apply(result);
    } catch (SQLException e) {
      throw new SokoException("Cannot query " + file + ": " + e.getMessage(), e);
    } finally {
      giveBack(reader);
    }
  }

  /**
   * Runs a read-only query on a reader connection, like {@link #read}, and reads its whole result
   * as Arrow batches held in memory; the caller closes the reader.
   */
  ArrowReader readArrow(String sql, List<?> parameters, BufferAllocator allocator) {
    return read(
        sql,
        parameters,
        result -> {
          try {
            ArrowReader reader =
                (ArrowReader)
                    result.unwrap(DuckDBResultSet.class).arrowExportStream(allocator, BATCH_ROWS);
            return RecordBatches.drain(reader, allocator);
          } catch (IOException e) {
            throw new SQLException("Cannot read Arrow batches: " + e.getMessage(), e);
          }
        });
  }

  /**
   * Makes an Arrow batch readable, once, as a temporary view, and runs the statement that {@code
   * sql} gives for the view's quoted name. The batch moves in bulk through Arrow's C stream
   * interface, never row by row.
   *
   * @return the count of rows the statement changed
   */
  long withBatch(
      VectorSchemaRoot batch,
      BufferAllocator allocator,
      Function<String, String> sql,
      List<?> parameters)
      throws SQLException {
    synchronized (lock()) {
      String view = "soko_batch_" + views.incrementAndGet();
      try (ArrowReader reader = RecordBatches.of(batch, allocator);
          ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator)) {
        Data.exportArrayStream(allocator, reader, stream);
        connection.unwrap(DuckDBConnection.class).registerArrowStream(view, stream);
        long changed;
        try {
          String statementSql = sql.apply(quote(view));
          LOG.debug("SQL: {} {}", statementSql, parameters);
          try (PreparedStatement statement = prepare(statementSql, parameters)) {
            changed = statement.executeLargeUpdate();
          }
        } catch (SQLException | RuntimeException e) {
          // In a failed transaction the drop fails too; the statement's error is the one to tell.
          try {
            dropView(view);
          } catch (SQLException dropFailed) {
            e.addSuppressed(dropFailed);
          }

          throw e;
        }

        dropView(view);
        return changed;
      } catch (IOException e) {
        throw new SQLException("Cannot release an Arrow batch: " + e.getMessage(), e);
      }
    }
  }

  private void dropView(String view) throws SQLException {
    try (Statement drop = connection.createStatement()) {
      drop.execute("DROP VIEW IF EXISTS " + quote(view));
    }
  }

  /** Runs work in one transaction, rolling back when it fails. */
  <T> T inTransaction(SqlSupplier<T> work) throws SQLException {
    synchronized (lock()) {
      connection.setAutoCommit(false);
      try {
        T result = work.get();
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          connection.rollback();
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }

        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
  }

  /** Returns whether a table or view exists. */
  boolean exists(String schema, String table) {
    return query(
        TABLE_EXISTS, List.of(schema, table), result -> result.next() && result.getLong(1) > 0);
  }

  /** Returns an idle reader connection, opening one when none is idle. */
  private DuckDBConnection borrowReader() {
    DuckDBConnection reader = readers.poll();
    if (reader != null) {
      return reader;
    }

    synchronized (lock()) {
      if (closed) {
        throw new SokoException("Cannot read " + file + ": the store is closed");
      }

      try {
        DuckDBConnection opened = connection.unwrap(DuckDBConnection.class).duplicate();
        try (Statement statement = opened.createStatement()) {
          statement.execute("SET TimeZone = 'UTC'");
        }

        return opened;
      } catch (SQLException e) {
        throw new SokoException(
            "Cannot open a reader connection to " + file + ": " + e.getMessage(), e);
      }
    }
  }

  /** Returns a reader connection to the pool, or closes it when the store was closed meanwhile. */
  private void giveBack(DuckDBConnection reader) {
    readers.push(reader);
    if (closed) {
      // close() may have emptied the pool before this reader came back.
      synchronized (lock()) {
        for (DuckDBConnection idle = readers.poll(); idle != null; idle = readers.poll()) {
          closeQuietly(idle);
        }
      }
    }
  }

  private static void closeQuietly(Connection reader) {
    try {
      reader.close();
    } catch (SQLException e) {
      LOG.warn("Cannot close a DuckDB reader connection", e);
    }
  }

  private PreparedStatement prepare(String sql, List<?> parameters) throws SQLException {
    return prepare(connection, sql, parameters);
  }

  private static PreparedStatement prepare(Connection connection, String sql, List<?> parameters)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      for (int i = 0; i < parameters.size(); i++) {
        Object value = parameters.get(i);
        statement.setObject(
            i + 1, value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value);
      }

      return statement;
    } catch (SQLException e) {
      statement.close();
      throw e;
    }
  }

  /** A function that may fail with an SQL error. */
  @FunctionalInterface
  interface SqlFunction<A, B> {
    B apply(A value) throws SQLException;
  }

  /** A supplier that may fail with an SQL error. */
  @FunctionalInterface
  interface SqlSupplier<T> {
    T get() throws SQLException;
  }
}
