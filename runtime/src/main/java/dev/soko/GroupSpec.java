package dev.soko;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.jspecify.annotations.Nullable;

/**
 * What the registry knows of a feature group, without its Java record: name, version, columns,
 * time-to-live and descriptive metadata.
 *
 * <p>The columns of a stored row are the keys in declaration order, then the event time, then the
 * features; stores add {@value #INGESTED_AT}.
 *
 * @param name the group name, {@code [a-z][a-z0-9_]*}, at most 63 characters
 * @param version the group version, at least 1
 * @param description what the group describes, or the empty string
 * @param owner who owns the group, or the empty string
 * @param tags free-form tags
 * @param ttl how long a value stays valid after its event time, or null if values never expire
 * @param online whether online serving is wanted when the group is first applied
 * @param keys the key columns, in order
 * @param eventTime the event time column
 * @param features the feature columns, in order
 */
public record GroupSpec(
    String name,
    int version,
    String description,
    String owner,
    List<String> tags,
    @Nullable Duration ttl,
    boolean online,
    List<Column> keys,
    Column eventTime,
    List<Column> features) {

  /** The column that stores add to every row: when the store accepted it. */
  public static final String INGESTED_AT = "_ingested_at";

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  /** A column name that SQL engines keep for their own row identifier. */
  public static final String ROWID = "rowid";

  /** Creates a spec, checking names, roles and uniqueness of column names. */
  public GroupSpec {
    requireNonNull(name, "name");
    requireNonNull(description, "description");
    requireNonNull(owner, "owner");
    requireNonNull(eventTime, "eventTime");
    tags = List.copyOf(tags);
    keys = List.copyOf(keys);
    features = List.copyOf(features);
    checkName("Group", name);
    if (version < 1) {
      throw new IllegalArgumentException(
          "Group '" + name + "' has version " + version + ": versions start at 1");
    }

    if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
      throw new IllegalArgumentException(
          "Group '" + name + "' has TTL " + ttl + ": a TTL must be positive");
    }

    if (keys.isEmpty()) {
      throw new IllegalArgumentException("Group '" + name + "' must have at least one key");
    }

    Set<String> seen = new HashSet<>();
    for (Column column : allColumns(keys, eventTime, features)) {
      checkName("Column", column.name());
      if (column.name().equals(ROWID)) {
        throw new IllegalArgumentException(
            "Column name 'rowid' is reserved: SQL engines such as DuckDB give every table a rowid"
                + " column of their own; choose another name");
      }
      if (!seen.add(column.name())) {
        throw new IllegalArgumentException(
            "Group '" + name + "' has two columns named '" + column.name() + "'");
      }
    }

    checkRoles(keys, Column.Role.KEY);
    checkRoles(List.of(eventTime), Column.Role.EVENT_TIME);
    checkRoles(features, Column.Role.FEATURE);
  }

  /**
   * Returns every column of a stored row, without {@value #INGESTED_AT}: keys, event time,
   * features.
   */
  public List<Column> columns() {
    return allColumns(keys, eventTime, features);
  }

  /** Returns the names of the key columns, in order. */
  public List<String> keyNames() {
    return keys.stream().map(Column::name).toList();
  }

  /** Returns the column with the given name, if there is one. */
  public Optional<Column> column(String columnName) {
    return columns().stream().filter(c -> c.name().equals(columnName)).findFirst();
  }

  /** Returns the feature with the given name, if there is one. */
  public Optional<Column> feature(String featureName) {
    return features.stream().filter(c -> c.name().equals(featureName)).findFirst();
  }

  /** Returns the time-to-live, if values expire. */
  public Optional<Duration> ttlIfAny() {
    return Optional.ofNullable(ttl);
  }

  /** Returns the Arrow schema of a row as written: keys, event time, features. */
  public Schema schema() {
    List<Field> fields = new ArrayList<>();
    for (Column column : columns()) {
      fields.add(column.field());
    }

    return new Schema(fields);
  }

  /** Returns {@code name} and version as one identifier, such as {@code user_engagement_v1}. */
  public String qualifiedName() {
    return name + "_v" + version;
  }

  /**
   * Checks a group or column name against {@code [a-z][a-z0-9_]*}, at most 63 characters.
   *
   * @throws IllegalArgumentException naming the bad name and the rule
   */
  public static void checkName(String what, @Nullable String candidate) {
    if (candidate == null || !NAME.matcher(candidate).matches()) {
      throw new IllegalArgumentException(
          what
              + " name '"
              + candidate
              + "' is invalid: use lower case letters, digits and underscores, starting with a"
              + " letter, at most 63 characters");
    }
  }

  private static List<Column> allColumns(
      List<Column> keys, Column eventTime, List<Column> features) {
    List<Column> all = new ArrayList<>(keys.size() + 1 + features.size());
    all.addAll(keys);
    all.add(eventTime);
    all.addAll(features);
    return List.copyOf(all);
  }

  private void checkRoles(List<Column> columns, Column.Role role) {
    for (Column column : columns) {
      if (column.role() != role) {
        throw new IllegalArgumentException(
            "Column '" + column.name() + "' of group '" + name + "' must have role " + role);
      }
    }
  }
}
