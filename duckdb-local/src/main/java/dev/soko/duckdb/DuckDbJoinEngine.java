package dev.soko.duckdb;

import static java.util.Objects.requireNonNull;

import dev.soko.Column;
import dev.soko.FeatureType;
import dev.soko.GroupSpec;
import dev.soko.SokoException;
import dev.soko.duckdb.internal.DuckDbNames;
import dev.soko.internal.ForwardingArrowReader;
import dev.soko.spi.GroupJoin;
import dev.soko.spi.JoinEngine;
import dev.soko.spi.JoinRequest;
import dev.soko.spi.OutputFormat;
import dev.soko.spi.TableSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBResultSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The point-in-time join on DuckDB, over the offline tables of a local store ({@code
 * offline."<group>_v<version>"}, with {@value GroupSpec#INGESTED_AT}).
 *
 * <p>Each join runs on its own duplicate of the store's connection. The spine is first copied into
 * a temporary table, whose row ids keep the spine's order. For each group, DuckDB's {@code ASOF
 * JOIN} matches spine rows to the group's rows on the keys and one ordering value: the event time
 * in microseconds times 2^64 plus the ingestion time, so that the greatest value at or before the
 * spine's is the newest row, ties broken by the latest ingested, with no separate pass to remove
 * ties. Only the rows that can matter are read: event times from the earliest spine timestamp minus
 * the TTL to the latest spine timestamp. The {@code ON} clause holds only the key equalities and
 * that one inequality, since any other condition there turns DuckDB's plan into a nested loop; the
 * TTL is applied after the join. (Two other forms, tie removal with a window before the {@code
 * ASOF}, and a range join, are kept for comparison in benchmarks.)
 *
 * <p>"As known at" needs two inequalities per row (event time and ingestion time at or before the
 * spine timestamp), which one {@code ASOF} inequality cannot express directly; both hold exactly
 * when the later of the two is at or before the spine timestamp. So a window first keeps, per key
 * and in order of that visibility time, only the rows that are newer than every row visible before
 * them, and an {@code ASOF JOIN} on the visibility time then picks the newest visible row (see
 * {@code appendKnownAtAsof}). Rows that a backfill replaced stay visible, as known at, until the
 * time they were replaced; they live in their own table ({@code replaced."<group>_v<version>"},
 * with {@value DuckDbNames#REPLACED_AT}), and are joined apart with a range join, then compared
 * with the current rows' match. Limitation: that join grows with the replaced rows per key, one per
 * changing backfill of a row until they are expired. The range join form answers the same with
 * {@code ROW_NUMBER}, much slower when keys have many rows, and is kept for comparison.
 *
 * <p>Every value reaches DuckDB as a bind parameter, spine file paths included, with two exceptions
 * written as escaped string literals because DuckDB takes no parameter there: the column names in
 * {@code read_csv}'s {@code types} option (a constant struct), and the target path of {@code COPY
 * ... TO} when the query has parameters. Identifiers are always quoted.
 */
public final class DuckDbJoinEngine implements JoinEngine {

  /** How each group is joined. */
  enum Form {
    /**
     * {@code ASOF JOIN} on one ordering value that holds the event time, then the ingestion time,
     * so that the greatest value at or before the spine's is the newest row, ties to the latest
     * ingested: no separate pass removes ties. As known at, an {@code ASOF JOIN} on the time each
     * row became visible, over the rows newer than every row visible before them.
     */
    ASOF_ORDERED,
    /**
     * {@code ASOF JOIN} over rows whose ties were removed first, with a window. As known at, the
     * same as {@link #ASOF_ORDERED}.
     */
    ASOF,
    /**
     * A join on keys and a time range (and ingestion time, as known at), keeping the newest row per
     * spine row.
     */
    RANGE
  }

  private static final Logger LOG = LoggerFactory.getLogger(DuckDbJoinEngine.class);
  private static final String SPINE = "soko_spine";
  private static final String SPINE_ARROW = "soko_spine_arrow";
  private static final String RESERVED = "_soko_";
  private static final int BATCH_ROWS = 65_536;
  private static final String TWO_TO_64 = "18446744073709551616";
  private static final String TWO_TO_63 = "9223372036854775808";

  /**
   * Spine column types that hold a key value exactly: a string, or an integer, cast to the key's
   * type. A fractional number would be rounded to another entity's key, so it is refused.
   */
  private static final Set<String> KEY_TYPES =
      Set.of(
          "VARCHAR",
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

  // A date stands for its start of day in the spine's zone, as dates given to the CLI do.
  private static final Set<String> ZONELESS =
      Set.of("TIMESTAMP", "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP_NS", "DATE");

  /** A date, or a date and time without a zone, as text: 2024-03-01, 2024-3-1 9:00:00.5. */
  private static final String ZONELESS_TEXT =
      "\\d{4}-\\d{1,2}-\\d{1,2}([ T]\\d{1,2}:\\d\\d(:\\d\\d(\\.\\d+)?)?)?";

  /** A date and time with an offset or zone, as text: 2024-03-01T10:00:00+02:00, ... Z, ... UTC. */
  private static final String ZONED_TEXT =
      "\\d{4}-\\d{1,2}-\\d{1,2}[ T]\\d{1,2}:\\d\\d(:\\d\\d(\\.\\d+)?)?\\s*"
          + "(Z|[+-]\\d\\d(:?\\d\\d)?|[A-Za-z_]+(/[A-Za-z_]+)*)";

  /** A date alone, as text: 2024-03-01. */
  private static final String DATE_TEXT = "\\d{4}-\\d{1,2}-\\d{1,2}";

  private final DuckDBConnection connection;
  private final Form form;

  /**
   * Creates an engine over the connection of a local store's DuckDB file. The engine never closes
   * it.
   */
  public DuckDbJoinEngine(Connection connection) {
    this(connection, Form.ASOF_ORDERED);
  }

  DuckDbJoinEngine(Connection connection, Form form) {
    try {
      this.connection = requireNonNull(connection, "connection").unwrap(DuckDBConnection.class);
    } catch (SQLException e) {
      throw new IllegalArgumentException("A DuckDB join engine needs a DuckDB connection", e);
    }

    this.form = form;
  }

  @Override
  public ArrowReader read(TableSource source, BufferAllocator allocator) {
    DuckDBConnection joinConnection = open();
    try {
      String from = loadSpine(joinConnection, source, Map.of());
      PreparedStatement statement = joinConnection.prepareStatement("SELECT * FROM " + from);
      return export(joinConnection, statement, allocator);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(joinConnection);
      throw failure("Cannot read " + describe(source), e);
    }
  }

  @Override
  public ArrowReader join(JoinRequest request, BufferAllocator allocator) {
    DuckDBConnection joinConnection = open();
    try {
      Query query = prepare(joinConnection, request);
      PreparedStatement statement = joinConnection.prepareStatement(query.sql);
      bind(statement, query.parameters);
      return export(joinConnection, statement, allocator);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(joinConnection);
      throw failure("Cannot build training set", e);
    }
  }

  @Override
  public long write(JoinRequest request, Path path, OutputFormat format) {
    requireNonNull(path, "path");
    try (DuckDBConnection joinConnection = open()) {
      Query query = prepare(joinConnection, request);
      String options =
          switch (format) {
            case PARQUET -> "(FORMAT parquet)";
            case CSV -> "(FORMAT csv, HEADER true)";
          };
      // DuckDB takes no parameter for COPY's target when the query has parameters of its own.
      String target = literal(path.toAbsolutePath().toString());
      try (PreparedStatement statement =
          joinConnection.prepareStatement(
              "COPY (" + query.sql + ") TO " + target + " " + options)) {
        bind(statement, query.parameters);
        statement.execute();
      }

      return query.rows;
    } catch (SQLException | RuntimeException e) {
      throw failure("Cannot write training set to " + path, e);
    }
  }

  private DuckDBConnection open() {
    try {
      DuckDBConnection joinConnection = connection.duplicate();
      try (Statement statement = joinConnection.createStatement()) {
        // Timestamps with a zone leave DuckDB (Arrow, CSV) in UTC, whatever the machine's zone.
        statement.execute("SET TimeZone = 'UTC'");
      }

      return joinConnection;
    } catch (SQLException e) {
      throw new SokoException("Cannot open a DuckDB connection for a join: " + e.getMessage(), e);
    }
  }

  private static ArrowReader export(
      DuckDBConnection joinConnection, PreparedStatement statement, BufferAllocator allocator)
      throws SQLException {
    ResultSet result = statement.executeQuery();
    ArrowReader reader =
        (ArrowReader) result.unwrap(DuckDBResultSet.class).arrowExportStream(allocator, BATCH_ROWS);
    return new ForwardingArrowReader(
        reader,
        allocator,
        rows -> {
          try (joinConnection;
              statement;
              result) {
            // Closing the reader releases the query and the connection that holds the spine.
          }
        });
  }

  /** Copies the spine into a temporary table and plans the join over it. */
  private Query prepare(DuckDBConnection joinConnection, JoinRequest request) throws SQLException {
    // A CSV spine's timestamp column is read as text and typed below from every row, not from
    // the sample DuckDB's reader guesses types from.
    Map<String, Boolean> textColumns = new LinkedHashMap<>(stringKeyColumns(request));
    textColumns.put(request.timestampColumn(), true);
    loadSpine(joinConnection, request.spine(), textColumns);
    Map<String, String> spineTypes = describe(joinConnection);
    checkColumns(request, spineTypes);
    List<Object> parameters = new ArrayList<>();
    String timeType = spineTypes.get(request.timestampColumn());
    if (timeType.equals("VARCHAR")) {
      timeType = typeTextTimes(joinConnection, request);
      spineTypes.put(request.timestampColumn(), timeType);
    }

    String time = timestamp(request, timeType, parameters);
    Bounds bounds = bounds(joinConnection, request, time, List.copyOf(parameters));

    StringBuilder sql = new StringBuilder("WITH s AS (SELECT rowid AS _soko_row, ");
    sql.append(time).append(" AS _soko_ts");
    for (int g = 0; g < request.groups().size(); g++) {
      GroupJoin group = request.groups().get(g);
      for (int k = 0; k < group.spineKeys().size(); k++) {
        String column = group.spineKeys().get(k);
        String wanted = duckDbType(group.spec().keys().get(k).type());
        String value = "s." + quote(column);
        if (!wanted.equals(spineTypes.get(column))) {
          value = "TRY_CAST(" + value + " AS " + wanted + ")";
        }

        sql.append(", ").append(value).append(" AS _soko_k").append(g).append('_').append(k);
      }
    }

    sql.append(", s.* FROM ").append(SPINE).append(" s)");
    if (form == Form.ASOF_ORDERED && !request.asKnownAt()) {
      // The spine's ordering value: after every ingestion time at its timestamp, or before all of
      // them when only strictly older rows count.
      sql.append(", so AS (SELECT *, epoch_us(_soko_ts)::HUGEINT * ").append(TWO_TO_64);
      sql.append(request.strictlyBefore() ? "" : " + (" + TWO_TO_64 + " - 1)");
      sql.append(" AS _soko_order FROM s)");
    }

    for (int g = 0; g < request.groups().size(); g++) {
      boolean replaced =
          request.asKnownAt() && hasReplaced(joinConnection, request.groups().get(g).spec());
      if (form == Form.RANGE) {
        appendRange(sql, parameters, request, g, bounds, replaced);
      } else if (request.asKnownAt()) {
        appendKnownAtAsof(sql, parameters, request, g, bounds, replaced);
      } else if (form == Form.ASOF_ORDERED) {
        appendOrderedAsof(sql, parameters, request, g, bounds);
      } else {
        appendAsof(sql, parameters, request, g, bounds);
      }
    }

    sql.append(" SELECT ");
    List<String> spineColumns = List.copyOf(spineTypes.keySet());
    for (int i = 0; i < spineColumns.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append("s.").append(quote(spineColumns.get(i)));
    }

    for (int g = 0; g < request.groups().size(); g++) {
      GroupJoin group = request.groups().get(g);
      boolean expires = group.spec().ttlIfAny().isPresent();
      for (int f = 0; f < group.features().size(); f++) {
        String value = "m" + g + "." + quote(group.features().get(f));
        sql.append(", ")
            .append(expires ? "CASE WHEN m" + g + "._soko_fresh THEN " + value + " END" : value)
            .append(" AS ")
            .append(quote(group.outputNames().get(f)));
      }
    }

    sql.append(" FROM s");
    for (int g = 0; g < request.groups().size(); g++) {
      sql.append(" LEFT JOIN m").append(g).append(" ON m").append(g);
      sql.append("._soko_row = s._soko_row");
    }

    sql.append(" ORDER BY s._soko_row");
    LOG.debug("Point-in-time join: {}", sql);
    return new Query(sql.toString(), parameters, bounds.rows);
  }

  /**
   * Appends {@code g<i>} (the rows that can matter, with their ordering value) and {@code m<i>}
   * (matches). The ordering value is the event time in microseconds times 2^64 plus the ingestion
   * time in microseconds shifted to be non-negative, so it orders by event time, then ingestion.
   */
  private static void appendOrderedAsof(
      StringBuilder sql, List<Object> parameters, JoinRequest request, int index, Bounds bounds) {
    GroupSpec spec = request.groups().get(index).spec();
    String eventTime = quote(spec.eventTime().name());
    sql.append(", g").append(index).append(" AS (SELECT ");
    for (Column key : spec.keys()) {
      sql.append(quote(key.name())).append(", ");
    }

    sql.append(eventTime);
    for (String feature : request.groups().get(index).features()) {
      sql.append(", ").append(quote(feature));
    }

    sql.append(", epoch_us(").append(eventTime).append(")::HUGEINT * ").append(TWO_TO_64);
    sql.append(" + (epoch_us(").append(quote(GroupSpec.INGESTED_AT)).append(")::HUGEINT + ");
    sql.append(TWO_TO_63).append(") AS _soko_order FROM ").append(table(spec)).append(" WHERE ");
    appendTimeFilter(sql, parameters, spec, eventTime, bounds);
    sql.append(')');

    appendMatchStart(sql, parameters, request, index);
    sql.append(" FROM so s ASOF JOIN g").append(index).append(" g ON ");
    appendKeyEqualities(sql, spec, index);
    sql.append(" AND s._soko_order ").append(request.strictlyBefore() ? ">" : ">=");
    sql.append(" g._soko_order)");
  }

  /**
   * Appends {@code g<i>} (the rows that can matter "as known at") and {@code m<i>} (matches).
   *
   * <p>A group row is visible to spine time t when its event time is at or before t (before t,
   * strictly) and its ingestion time is at or before t: when its visibility time, the later of the
   * two (the event time plus one microsecond, strictly), is at or before t. The rows visible to t
   * are thus, per key, those up to t in order of visibility time, and the wanted row is the one
   * with the greatest ordering value among them. A window gives each row the greatest ordering
   * value of its key up to its visibility time, ties in visibility time included (a {@code RANGE}
   * frame, so that rows seen at the same instant share one answer), and keeps only the rows that
   * hold that greatest value themselves. Among those, the last one visible to t is the wanted row:
   * any later row that holds the greatest value so far would be visible to t and greater. So one
   * {@code ASOF JOIN} on the visibility time finds it, with its features, and the TTL applies to
   * its event time after the join.
   *
   * <p>That holds for the rows of the offline table, which stay visible once visible. A row that a
   * backfill replaced (with {@code replaced}, when the store keeps such rows for the group) is
   * visible only until it was replaced, so those rows are joined apart ({@code r<i>}): a range join
   * over the replaced rows of the join's window, keeping the newest visible one per spine row. The
   * current rows' best match ({@code a<i>}) and the replaced rows' are then compared per spine row,
   * and the greater ordering value wins, the current row on a tie. The best visible row is the
   * greater of the best visible current row and the best visible replaced row, so this is exact.
   */
  private static void appendKnownAtAsof(
      StringBuilder sql,
      List<Object> parameters,
      JoinRequest request,
      int index,
      Bounds bounds,
      boolean replaced) {
    GroupSpec spec = request.groups().get(index).spec();
    List<String> keys = spec.keyNames().stream().map(DuckDbJoinEngine::quote).toList();
    String eventTime = quote(spec.eventTime().name());
    String ingestedAt = quote(GroupSpec.INGESTED_AT);
    sql.append(", g").append(index).append(" AS (SELECT * FROM (SELECT ");
    sql.append(String.join(", ", keys)).append(", ").append(eventTime);
    for (String feature : request.groups().get(index).features()) {
      sql.append(", ").append(quote(feature));
    }

    sql.append(", greatest(").append(eventTime);
    sql.append(request.strictlyBefore() ? " + to_microseconds(1)" : "");
    sql.append(", ").append(ingestedAt).append(") AS _soko_seen, ");
    sql.append(order(eventTime, ingestedAt)).append(" AS _soko_order FROM ").append(table(spec));
    sql.append(" WHERE ");
    appendTimeFilter(sql, parameters, spec, eventTime, bounds);
    sql.append(" AND ").append(ingestedAt).append(" <= ").append(instant(parameters, bounds.to));
    sql.append(") QUALIFY _soko_order = max(_soko_order) OVER (PARTITION BY ");
    sql.append(String.join(", ", keys));
    sql.append(" ORDER BY _soko_seen RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW))");

    if (!replaced) {
      appendMatchStart(sql, parameters, request, index);
      sql.append(" FROM s ASOF JOIN g").append(index).append(" g ON ");
      appendKeyEqualities(sql, spec, index);
      sql.append(" AND s._soko_ts >= g._soko_seen)");
      return;
    }

    List<String> features = request.groups().get(index).features();
    sql.append(", a").append(index);
    sql.append(" AS (SELECT s._soko_row, s._soko_ts, g._soko_order, g.").append(eventTime);
    sql.append(" AS _soko_event");
    appendColumns(sql, "g.", features);
    sql.append(" FROM s ASOF JOIN g").append(index).append(" g ON ");
    appendKeyEqualities(sql, spec, index);
    sql.append(" AND s._soko_ts >= g._soko_seen)");

    sql.append(", r").append(index).append(" AS (SELECT s._soko_row, s._soko_ts, ");
    sql.append(order("g." + eventTime, "g." + ingestedAt)).append(" AS _soko_order, g.");
    sql.append(eventTime).append(" AS _soko_event");
    appendColumns(sql, "g.", features);
    sql.append(" FROM s JOIN ").append(DuckDbNames.replacedTable(spec)).append(" g ON ");
    appendKeyEqualities(sql, spec, index);
    appendReplacedConditions(sql, request, eventTime);
    sql.append(" WHERE ");
    appendReplacedWindow(sql, parameters, spec, eventTime, bounds);
    sql.append(" QUALIFY row_number() OVER (PARTITION BY s._soko_row ORDER BY _soko_order DESC)");
    sql.append(" = 1)");

    // A replaced row wins only when strictly newer, so that a tie keeps the current row.
    String newer =
        "(r._soko_row IS NOT NULL AND (a._soko_row IS NULL OR r._soko_order > a._soko_order))";
    sql.append(", m").append(index);
    sql.append(" AS (SELECT coalesce(a._soko_row, r._soko_row) AS _soko_row");
    if (spec.ttlIfAny().isPresent()) {
      sql.append(", epoch_us(coalesce(a._soko_ts, r._soko_ts)) - epoch_us(CASE WHEN ");
      sql.append(newer).append(" THEN r._soko_event ELSE a._soko_event END) <= ? AS _soko_fresh");
      parameters.add(micros(spec.ttlIfAny().get()));
    }

    for (String feature : features) {
      String column = quote(feature);
      sql.append(", CASE WHEN ").append(newer).append(" THEN r.").append(column);
      sql.append(" ELSE a.").append(column).append(" END AS ").append(column);
    }

    sql.append(" FROM a").append(index).append(" a FULL JOIN r").append(index);
    sql.append(" r ON a._soko_row = r._soko_row)");
  }

  /**
   * Appends the conditions under which replaced row {@code g} is visible to spine row {@code s}:
   * its event time at or before the spine time (before it, strictly), its ingestion time at or
   * before it, and its replacement after it.
   */
  private static void appendReplacedConditions(
      StringBuilder sql, JoinRequest request, String eventTime) {
    sql.append(" AND g.").append(eventTime).append(request.strictlyBefore() ? " < " : " <= ");
    sql.append("s._soko_ts AND g.").append(quote(GroupSpec.INGESTED_AT));
    sql.append(" <= s._soko_ts AND g.").append(quote(DuckDbNames.REPLACED_AT));
    sql.append(" > s._soko_ts");
  }

  /**
   * Appends the filter on replaced rows that can matter: event times in the join's window, ingested
   * by the latest spine time and replaced after the earliest.
   */
  private static void appendReplacedWindow(
      StringBuilder sql, List<Object> parameters, GroupSpec spec, String eventTime, Bounds bounds) {
    appendTimeFilter(sql, parameters, spec, "g." + eventTime, bounds);
    sql.append(" AND g.").append(quote(GroupSpec.INGESTED_AT)).append(" <= ");
    sql.append(instant(parameters, bounds.to));
    sql.append(" AND g.").append(quote(DuckDbNames.REPLACED_AT)).append(" > ");
    sql.append(instant(parameters, bounds.from));
  }

  /**
   * Returns the ordering value of a row: its event time in microseconds times 2^64 plus its
   * ingestion time in microseconds shifted to be non-negative, so it orders by event time, then
   * ingestion.
   */
  private static String order(String eventTime, String ingestedAt) {
    return "epoch_us("
        + eventTime
        + ")::HUGEINT * "
        + TWO_TO_64
        + " + (epoch_us("
        + ingestedAt
        + ")::HUGEINT + "
        + TWO_TO_63
        + ")";
  }

  private static void appendColumns(StringBuilder sql, String prefix, List<String> columns) {
    for (String column : columns) {
      sql.append(", ").append(prefix).append(quote(column));
    }
  }

  /** Returns whether the store file keeps replaced rows of the group version. */
  private static boolean hasReplaced(DuckDBConnection joinConnection, GroupSpec spec)
      throws SQLException {
    try (PreparedStatement statement =
        joinConnection.prepareStatement(DuckDbBackend.TABLE_EXISTS)) {
      statement.setString(1, DuckDbNames.REPLACED);
      statement.setString(2, spec.qualifiedName());
      try (ResultSet result = statement.executeQuery()) {
        return result.next() && result.getLong(1) > 0;
      }
    }
  }

  /** Appends {@code g<i>} (the rows that can matter, ties removed) and {@code m<i>} (matches). */
  private static void appendAsof(
      StringBuilder sql, List<Object> parameters, JoinRequest request, int index, Bounds bounds) {
    GroupSpec spec = request.groups().get(index).spec();
    List<String> keys = spec.keyNames().stream().map(DuckDbJoinEngine::quote).toList();
    String eventTime = quote(spec.eventTime().name());
    sql.append(", g").append(index).append(" AS (SELECT ");
    sql.append(String.join(", ", keys)).append(", ").append(eventTime);
    for (String feature : request.groups().get(index).features()) {
      sql.append(", ").append(quote(feature));
    }

    sql.append(" FROM ").append(table(spec)).append(" WHERE ");
    appendTimeFilter(sql, parameters, spec, eventTime, bounds);
    sql.append(" QUALIFY row_number() OVER (PARTITION BY ").append(String.join(", ", keys));
    sql.append(", ").append(eventTime).append(" ORDER BY ");
    sql.append(quote(GroupSpec.INGESTED_AT)).append(" DESC) = 1)");

    appendMatchStart(sql, parameters, request, index);
    sql.append(" FROM s ASOF JOIN g").append(index).append(" g ON ");
    appendKeyEqualities(sql, spec, index);
    sql.append(" AND s._soko_ts ").append(request.strictlyBefore() ? ">" : ">=");
    sql.append(" g.").append(eventTime).append(')');
  }

  /**
   * Appends {@code m<i>}: a join on keys and time range, keeping the newest row per spine row. As
   * known at, with {@code replaced}, the rows that backfills replaced join too, each visible until
   * it was replaced; on a tie the current row wins.
   */
  private static void appendRange(
      StringBuilder sql,
      List<Object> parameters,
      JoinRequest request,
      int index,
      Bounds bounds,
      boolean replaced) {
    GroupSpec spec = request.groups().get(index).spec();
    String eventTime = quote(spec.eventTime().name());
    String ingestedAt = quote(GroupSpec.INGESTED_AT);
    String replacedAt = quote(DuckDbNames.REPLACED_AT);
    String rows = table(spec);
    if (replaced) {
      StringBuilder columns = new StringBuilder();
      for (Column key : spec.keys()) {
        columns.append(quote(key.name())).append(", ");
      }

      columns.append(eventTime);
      appendColumns(columns, "", request.groups().get(index).features());
      columns.append(", ").append(ingestedAt);
      rows =
          "(SELECT "
              + columns
              + ", NULL::TIMESTAMPTZ AS "
              + replacedAt
              + " FROM "
              + table(spec)
              + " UNION ALL SELECT "
              + columns
              + ", "
              + replacedAt
              + " FROM "
              + DuckDbNames.replacedTable(spec)
              + ")";
    }

    appendMatchStart(sql, parameters, request, index);
    sql.append(" FROM s JOIN ").append(rows).append(" g ON ");
    appendKeyEqualities(sql, spec, index);
    sql.append(" AND g.").append(eventTime).append(request.strictlyBefore() ? " < " : " <= ");
    sql.append("s._soko_ts");
    if (spec.ttlIfAny().isPresent()) {
      sql.append(" AND g.").append(eventTime).append(" >= s._soko_ts - to_microseconds(?)");
      parameters.add(micros(spec.ttlIfAny().get()));
    }

    if (request.asKnownAt()) {
      sql.append(" AND g.").append(ingestedAt).append(" <= s._soko_ts");
    }

    if (replaced) {
      sql.append(" AND (g.").append(replacedAt).append(" IS NULL OR g.").append(replacedAt);
      sql.append(" > s._soko_ts)");
    }

    sql.append(" WHERE ");
    appendTimeFilter(sql, parameters, spec, "g." + eventTime, bounds);
    if (request.asKnownAt()) {
      sql.append(" AND g.")
          .append(ingestedAt)
          .append(" <= ")
          .append(instant(parameters, bounds.to));
    }

    sql.append(" QUALIFY row_number() OVER (PARTITION BY s._soko_row ORDER BY g.");
    sql.append(eventTime).append(" DESC, g.").append(ingestedAt).append(" DESC");
    sql.append(replaced ? ", g." + replacedAt + " IS NULL DESC" : "").append(") = 1)");
  }

  /** Appends {@code , m<i> AS (SELECT} with the spine row, the freshness flag and the features. */
  private static void appendMatchStart(
      StringBuilder sql, List<Object> parameters, JoinRequest request, int index) {
    GroupJoin group = request.groups().get(index);
    String eventTime = quote(group.spec().eventTime().name());
    sql.append(", m").append(index).append(" AS (SELECT s._soko_row");
    if (group.spec().ttlIfAny().isPresent()) {
      sql.append(", epoch_us(s._soko_ts) - epoch_us(g.").append(eventTime);
      sql.append(") <= ? AS _soko_fresh");
      parameters.add(micros(group.spec().ttlIfAny().get()));
    }

    for (String feature : group.features()) {
      sql.append(", g.").append(quote(feature));
    }
  }

  private static void appendKeyEqualities(StringBuilder sql, GroupSpec spec, int index) {
    for (int k = 0; k < spec.keys().size(); k++) {
      sql.append(k == 0 ? "" : " AND ").append("s._soko_k").append(index).append('_').append(k);
      sql.append(" = g.").append(quote(spec.keys().get(k).name()));
    }
  }

  private static void appendTimeFilter(
      StringBuilder sql, List<Object> parameters, GroupSpec spec, String eventTime, Bounds bounds) {
    sql.append(eventTime).append(" <= ").append(instant(parameters, bounds.to));
    if (spec.ttlIfAny().isPresent()) {
      long from = bounds.from - micros(spec.ttlIfAny().get());
      sql.append(" AND ").append(eventTime).append(" >= ").append(instant(parameters, from));
    }
  }

  private static String instant(List<Object> parameters, long micros) {
    parameters.add(micros);
    return "(to_timestamp(0) + to_microseconds(?))";
  }

  /**
   * Copies a source into the temporary spine table and returns it; {@code stringColumns} are read
   * as strings from a CSV file.
   */
  private static String loadSpine(
      DuckDBConnection joinConnection, TableSource source, Map<String, Boolean> stringColumns)
      throws SQLException {
    String create = "CREATE TEMP TABLE " + SPINE + " AS SELECT * FROM ";
    if (source instanceof TableSource.Arrow arrow) {
      // Export in the batches' own allocator: Arrow moves buffers only within one root.
      BufferAllocator allocator = allocatorOf(arrow.reader());
      try (ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator)) {
        Data.exportArrayStream(allocator, arrow.reader(), stream);
        joinConnection.registerArrowStream(SPINE_ARROW, stream);
        try (Statement statement = joinConnection.createStatement()) {
          statement.execute(create + SPINE_ARROW);
        }
      }
    } else if (source instanceof TableSource.Parquet parquet) {
      try (PreparedStatement statement =
          joinConnection.prepareStatement(create + "read_parquet(?)")) {
        statement.setString(1, parquet.path().toAbsolutePath().toString());
        statement.execute();
      }
    } else {
      String path = ((TableSource.Csv) source).path().toAbsolutePath().toString();
      String types = csvTypes(joinConnection, path, stringColumns);
      try (PreparedStatement statement =
          joinConnection.prepareStatement(create + "read_csv(?" + types + ")")) {
        statement.setString(1, path);
        statement.execute();
      }
    }

    return SPINE;
  }

  private static BufferAllocator allocatorOf(ArrowReader reader) {
    try {
      return reader.getVectorSchemaRoot().getFieldVectors().get(0).getAllocator();
    } catch (java.io.IOException | IndexOutOfBoundsException e) {
      throw new SokoException("Cannot read the spine's Arrow batches: " + e.getMessage(), e);
    }
  }

  /**
   * Returns the {@code types} option forcing columns of the CSV file to VARCHAR: the string key
   * columns, and the timestamp column, which is typed later from all its values. Limitation: other
   * columns keep DuckDB's inferred types; numeric keys are cast to the group's key type, and a
   * value that does not fit matches nothing.
   */
  private static String csvTypes(
      DuckDBConnection joinConnection, String path, Map<String, Boolean> stringColumns)
      throws SQLException {
    List<String> forced = new ArrayList<>();
    try (PreparedStatement statement =
        joinConnection.prepareStatement("DESCRIBE SELECT * FROM read_csv(?)")) {
      statement.setString(1, path);
      try (ResultSet columns = statement.executeQuery()) {
        while (columns.next()) {
          String name = columns.getString(1);
          if (stringColumns.containsKey(name) && !"VARCHAR".equals(columns.getString(2))) {
            forced.add(literal(name) + ": 'VARCHAR'");
          }
        }
      }
    }

    return forced.isEmpty() ? "" : ", types = {" + String.join(", ", forced) + "}";
  }

  private static Map<String, Boolean> stringKeyColumns(JoinRequest request) {
    Map<String, Boolean> columns = new LinkedHashMap<>();
    for (GroupJoin group : request.groups()) {
      for (int k = 0; k < group.spineKeys().size(); k++) {
        if (group.spec().keys().get(k).type() == FeatureType.STRING) {
          columns.put(group.spineKeys().get(k), true);
        }
      }
    }

    return columns;
  }

  private static Map<String, String> describe(DuckDBConnection joinConnection) throws SQLException {
    Map<String, String> types = new LinkedHashMap<>();
    try (Statement statement = joinConnection.createStatement();
        ResultSet columns = statement.executeQuery("DESCRIBE " + SPINE)) {
      while (columns.next()) {
        types.put(columns.getString("column_name"), columns.getString("column_type"));
      }
    }

    return types;
  }

  private static void checkColumns(JoinRequest request, Map<String, String> spineTypes) {
    for (String column : spineTypes.keySet()) {
      if (column.equalsIgnoreCase(GroupSpec.ROWID)) {
        throw new SokoException(
            "Cannot build training set: the spine has a column named '"
                + column
                + "', which DuckDB keeps for its own row numbers; rename that column");
      }
    }

    for (String column : spineTypes.keySet()) {
      if (column.startsWith(RESERVED)) {
        throw new SokoException(
            "Cannot build training set: spine column '"
                + column
                + "' starts with '"
                + RESERVED
                + "', which is reserved; rename it");
      }
    }

    if (!spineTypes.containsKey(request.timestampColumn())) {
      throw new SokoException(
          "Cannot build training set: the spine has no timestamp column '"
              + request.timestampColumn()
              + "'; its columns are "
              + spineTypes.keySet());
    }

    Set<String> outputs = new HashSet<>();
    // DuckDB's names ignore case: Country and country are one name.
    Map<String, String> spineNames = new HashMap<>();
    spineTypes.keySet().forEach(name -> spineNames.put(name.toLowerCase(Locale.ROOT), name));
    for (GroupJoin group : request.groups()) {
      for (int k = 0; k < group.spineKeys().size(); k++) {
        String column = group.spineKeys().get(k);
        String key = group.spec().keys().get(k).name();
        if (!spineTypes.containsKey(column)) {
          throw new SokoException(
              "Cannot build training set: the spine has no column '"
                  + column
                  + "' for key '"
                  + key
                  + "' of group '"
                  + group.spec().name()
                  + "'; its columns are "
                  + spineTypes.keySet()
                  + "; map the key to a spine column with KeyMapping.keys(\""
                  + key
                  + "\", \"<spine column>\")");
        }

        String type = spineTypes.get(column);
        if (!KEY_TYPES.contains(type)) {
          throw new SokoException(
              "Cannot build training set: spine column '"
                  + column
                  + "' for key '"
                  + key
                  + "' of group '"
                  + group.spec().name()
                  + "' holds "
                  + type
                  + ", which cannot hold "
                  + group.spec().keys().get(k).type()
                  + " key values exactly; give the spine integer or string values in that column,"
                  + " or map the key to another column");
        }
      }

      for (String output : group.outputNames()) {
        String folded = output.toLowerCase(Locale.ROOT);
        String spineColumn = spineNames.get(folded);
        if (spineColumn != null) {
          throw new SokoException(
              "Cannot build training set: feature column '"
                  + output
                  + "' has the name of spine column '"
                  + spineColumn
                  + "'; give the join an alias, or rename the spine column");
        }

        if (!outputs.add(folded)) {
          throw new SokoException(
              "Cannot build training set: two joins give a feature column '"
                  + output
                  + "'; give one of them an alias");
        }
      }
    }
  }

  /**
   * Types a text timestamp column of the spine from all its values, and returns its new type:
   * {@code DATE} when every value is a date, {@code TIMESTAMP} when every value is a date or a time
   * without a zone (a date is its start of day), {@code TIMESTAMP WITH TIME ZONE} when every value
   * has an offset or zone; otherwise the column stays {@code VARCHAR}, which is refused.
   *
   * @throws SokoException if every value is a time or date, but some have an offset and some not
   */
  private static String typeTextTimes(DuckDBConnection joinConnection, JoinRequest request)
      throws SQLException {
    String column = "trim(" + quote(request.timestampColumn()) + ")";
    // Whether a value has a zone is read from its text: DuckDB's casts also take forms the
    // patterns do not (one-digit hours, 'epoch') and read them in DuckDB's own time zone.
    String sql =
        "SELECT count(*), count(*) FILTER (WHERE zone_less), count(*) FILTER (WHERE is_date),"
            + " count(*) FILTER (WHERE zoned), arg_min(v, r) FILTER (WHERE NOT zone_less AND NOT"
            + " zoned), min(r) FILTER (WHERE NOT zone_less AND NOT zoned) FROM (SELECT rowid AS"
            + " r, "
            + column
            + " AS v, regexp_full_match(v, ?) AND TRY_CAST(v AS TIMESTAMP) IS NOT NULL AS"
            + " zone_less, regexp_full_match(v, ?) AND TRY_CAST(v AS DATE) IS NOT NULL AS is_date,"
            + " regexp_full_match(v, ?) AND TRY_CAST(v AS TIMESTAMPTZ) IS NOT NULL AS zoned FROM "
            + SPINE
            + " WHERE "
            + quote(request.timestampColumn())
            + " IS NOT NULL)";
    long values;
    long withoutZone;
    long dates;
    long withZone;
    try (PreparedStatement statement = joinConnection.prepareStatement(sql)) {
      statement.setString(1, ZONELESS_TEXT);
      statement.setString(2, DATE_TEXT);
      statement.setString(3, ZONED_TEXT);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        values = result.getLong(1);
        withoutZone = result.getLong(2);
        dates = result.getLong(3);
        withZone = result.getLong(4);
        String bad = result.getString(5);
        if (bad != null) {
          throw new SokoException(
              "Cannot build training set: spine column '"
                  + request.timestampColumn()
                  + "' holds '"
                  + bad
                  + "' in spine row "
                  + (result.getLong(6) + 1)
                  + " (counting from 1), which is not a time; write times as 2024-03-01"
                  + " 10:00:00, with an offset (2024-03-01T10:00:00+02:00) or without one (then"
                  + " give the zone), or as dates (2024-03-01)");
        }
      }
    }

    // Every value now has a zone or has none: the two patterns exclude each other.
    if (values == 0) {
      return "VARCHAR";
    }

    if (withoutZone > 0 && withZone > 0) {
      throw mixedZones(request);
    }

    String type = dates == values ? "DATE" : withZone > 0 ? "TIMESTAMPTZ" : "TIMESTAMP";
    try (Statement statement = joinConnection.createStatement()) {
      statement.execute(
          "ALTER TABLE "
              + SPINE
              + " ALTER COLUMN "
              + quote(request.timestampColumn())
              + " SET DATA TYPE "
              + type
              + " USING CAST("
              + column
              + " AS "
              + type
              + ")");
    }

    return type.equals("TIMESTAMPTZ") ? "TIMESTAMP WITH TIME ZONE" : type;
  }

  private static SokoException mixedZones(JoinRequest request) {
    return new SokoException(
        "Cannot build training set: spine column '"
            + request.timestampColumn()
            + "' mixes times with an offset and times or dates without one; write every row"
            + " in the same form, all with an offset (2024-03-01T10:00:00+02:00) or all"
            + " without (2024-03-01 10:00:00 or 2024-03-01, then give the zone)");
  }

  /** Returns the SQL of the spine timestamp as a TIMESTAMPTZ, adding its parameters. */
  private static String timestamp(JoinRequest request, String type, List<Object> parameters) {
    String column = "s." + quote(request.timestampColumn());
    if (type.equals("TIMESTAMP WITH TIME ZONE")) {
      return column;
    }

    if (!ZONELESS.contains(type)) {
      throw new SokoException(
          "Cannot build training set: spine column '"
              + request.timestampColumn()
              + "' holds "
              + type
              + ", not timestamps; write them as 2024-03-01 10:00:00, with an offset"
              + " (2024-03-01T10:00:00+02:00) or without one (then give the zone), or as dates"
              + " (2024-03-01)");
    }

    ZoneId zone = request.zone();
    if (zone == null) {
      throw new SokoException(
          "Cannot build training set: spine column '"
              + request.timestampColumn()
              + "' holds timestamps without a zone; give their zone with Spine.zone(ZoneId),"
              + " such as .zone(ZoneOffset.UTC)");
    }

    if (zone.normalized() instanceof ZoneOffset offset) {
      parameters.add((long) offset.getTotalSeconds());
      return "timezone('UTC', " + column + "::TIMESTAMP - to_seconds(?))";
    }

    parameters.add(zone.getId());
    return "timezone(?, " + column + "::TIMESTAMP)";
  }

  /** Checks that every spine row has a timestamp and returns the spine's time bounds. */
  private static Bounds bounds(
      DuckDBConnection joinConnection, JoinRequest request, String time, List<Object> parameters)
      throws SQLException {
    String column = "s." + quote(request.timestampColumn());
    String sql =
        "SELECT min(rowid) FILTER (WHERE "
            + column
            + " IS NULL), count(*), epoch_us(min("
            + time
            + ")), epoch_us(max("
            + time
            + ")) FROM "
            + SPINE
            + " s";
    List<Object> both = new ArrayList<>(parameters);
    both.addAll(parameters);
    try (PreparedStatement statement = joinConnection.prepareStatement(sql)) {
      bind(statement, both);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        long missing = result.getLong(1);
        if (!result.wasNull()) {
          throw new SokoException(
              "Cannot build training set: spine row "
                  + (missing + 1)
                  + " (counting from 1) has no timestamp in column '"
                  + request.timestampColumn()
                  + "'; every spine row needs one");
        }

        return new Bounds(result.getLong(2), result.getLong(3), result.getLong(4));
      }
    }
  }

  private static void bind(PreparedStatement statement, List<Object> parameters)
      throws SQLException {
    for (int i = 0; i < parameters.size(); i++) {
      statement.setObject(i + 1, parameters.get(i));
    }
  }

  // Limitation: group rows come only from this store file's offline tables; another offline
  // store (Iceberg) would hand its rows in as Arrow or Parquet.
  private static String table(GroupSpec spec) {
    return DuckDbNames.offlineTable(spec);
  }

  private static String duckDbType(FeatureType type) {
    return DuckDbNames.type(type);
  }

  private static String quote(String identifier) {
    return DuckDbNames.quote(identifier);
  }

  private static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  private static long micros(Duration duration) {
    return duration.toNanos() / 1_000;
  }

  private static String describe(TableSource source) {
    if (source instanceof TableSource.Parquet parquet) {
      return parquet.path().toString();
    }

    if (source instanceof TableSource.Csv csv) {
      return csv.path().toString();
    }

    return "Arrow batches";
  }

  private static SokoException failure(String what, Exception e) {
    if (e instanceof SokoException soko) {
      return soko;
    }

    return new SokoException(what + ": " + firstLine(e.getMessage()), e);
  }

  static String firstLine(@Nullable String message) {
    if (message == null) {
      return "unknown error";
    }

    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }

  private static void closeQuietly(Connection joinConnection) {
    try {
      joinConnection.close();
    } catch (SQLException e) {
      LOG.warn("Cannot close a DuckDB join connection", e);
    }
  }

  /** A planned join: its SQL, its parameters in order, and the number of rows it gives. */
  private record Query(String sql, List<Object> parameters, long rows) {}

  /** The spine's row count and its earliest and latest timestamps, in microseconds. */
  private record Bounds(long rows, long from, long to) {}
}
