package dev.soko.duckdb.internal;

import dev.soko.Column;
import dev.soko.FeatureType;
import dev.soko.GroupSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Names and column types of the local store's tables, as SQL text. */
public final class DuckDbNames {

  /** The schema of the offline tables. */
  public static final String OFFLINE = "offline";

  /** The schema of the online tables. */
  public static final String ONLINE = "online";

  /** The schema of the registry. */
  public static final String REGISTRY = "registry";

  /**
   * The schema of the rows that backfills replaced, kept for "as known at" joins until expired;
   * statistics count them.
   */
  public static final String REPLACED = "replaced";

  /**
   * The column of a replaced row that holds the ingestion time of the backfill that replaced it.
   */
  public static final String REPLACED_AT = "_replaced_at";

  /** The schema of the views for people. */
  public static final String FEATURES = "features";

  private DuckDbNames() {}

  /** Returns an identifier quoted for DuckDB. */
  public static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** Returns the quoted name of a group version's offline table, such as {@code offline."a_v1"}. */
  public static String offlineTable(GroupSpec spec) {
    return OFFLINE + "." + quote(spec.qualifiedName());
  }

  /**
   * Returns the quoted name of the table of a group version's replaced rows, such as {@code
   * replaced."a_v1"}.
   */
  public static String replacedTable(GroupSpec spec) {
    return REPLACED + "." + quote(spec.qualifiedName());
  }

  /** Returns the quoted name of a group version's online table, such as {@code online."a_v1"}. */
  public static String onlineTable(GroupSpec spec) {
    return ONLINE + "." + quote(spec.qualifiedName());
  }

  /** Returns the quoted name of a group's history view, such as {@code features."a"}. */
  public static String historyView(String group) {
    return FEATURES + "." + quote(group);
  }

  /**
   * Returns the quoted name of a group's latest-values view, such as {@code features."a_latest"}.
   */
  public static String latestView(String group) {
    return FEATURES + "." + quote(group + "_latest");
  }

  /** Returns the DuckDB column type of a feature type. */
  public static String type(FeatureType type) {
    return switch (type) {
      case BOOLEAN -> "BOOLEAN";
      case INT -> "INTEGER";
      case LONG -> "BIGINT";
      case FLOAT -> "FLOAT";
      case DOUBLE -> "DOUBLE";
      case STRING -> "VARCHAR";
      case TIMESTAMP -> "TIMESTAMPTZ";
      case DATE -> "DATE";
      case BYTES -> "BLOB";
      case FLOAT_ARRAY -> "FLOAT[]";
      case STRING_LIST -> "VARCHAR[]";
      case LONG_LIST -> "BIGINT[]";
    };
  }

  /** Returns the quoted names of columns, comma separated, each prefixed by {@code prefix}. */
  public static String list(List<Column> columns, String prefix) {
    return columns.stream().map(c -> prefix + quote(c.name())).collect(Collectors.joining(", "));
  }

  /** Returns the quoted column names of a stored row: the spec's columns, then ingestion time. */
  public static String storedColumns(GroupSpec spec, String prefix) {
    return list(spec.columns(), prefix) + ", " + prefix + quote(GroupSpec.INGESTED_AT);
  }

  /**
   * Returns the column definitions of a stored row: the spec's columns with their DuckDB types,
   * keys and event time NOT NULL, then {@value GroupSpec#INGESTED_AT}.
   */
  public static List<String> columnDefinitions(GroupSpec spec) {
    List<String> columns = new ArrayList<>();
    for (Column column : spec.columns()) {
      columns.add(
          quote(column.name())
              + " "
              + type(column.type())
              + (column.role() == Column.Role.FEATURE ? "" : " NOT NULL"));
    }

    columns.add(quote(GroupSpec.INGESTED_AT) + " TIMESTAMPTZ NOT NULL");
    return columns;
  }
}
