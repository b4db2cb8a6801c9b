package dev.soko;

import dev.soko.internal.RecordBatches;
import dev.soko.spi.TableSource;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.jspecify.annotations.Nullable;

/**
 * The rows a training set is built for: any table with key columns and a timestamp column, such as
 * impressions with their labels. Each spine row gets the feature values in force at its timestamp.
 *
 * <p>Timestamps are instants. A spine whose timestamp column holds values without a zone (a CSV
 * column like {@code 2024-03-01 10:00:00}, or a Parquet or Arrow timestamp not adjusted to UTC)
 * needs that zone said with {@link #zone(ZoneId)}; without it the training set fails and says so.
 * Values with an offset ({@code 2024-03-01T10:00:00+02:00}) are joined on their instant, and the
 * zone is not used for them.
 *
 * <p>Spines are immutable; {@link #zone(ZoneId)} returns a new one.
 */
public final class Spine {

  /** Opens the spine's table for one join; what it opens goes into {@code resources}. */
  @FunctionalInterface
  private interface Opener {
    TableSource open(BufferAllocator allocator, List<AutoCloseable> resources);
  }

  private final String description;
  private final String timestampColumn;
  private final @Nullable ZoneId zone;
  private final Opener opener;

  private Spine(String description, String timestampColumn, @Nullable ZoneId zone, Opener opener) {
    this.description = description;
    this.timestampColumn =
        Checks.named(
            timestampColumn,
            "make a spine of " + description,
            "the timestamp column",
            "give the name of the column that holds each row's timestamp");
    this.zone = zone;
    this.opener = opener;
  }

  /**
   * Returns a spine of Arrow batches. The batches are read once, by the first output of the first
   * training set built on this spine; the caller closes the reader afterwards.
   *
   * @param reader the batches
   * @param timestampColumn the column holding each row's timestamp
   */
  public static Spine arrow(ArrowReader reader, String timestampColumn) {
    Checks.given(
        reader, "make a spine of Arrow batches", "the reader", "give a reader of the batches");
    AtomicBoolean read = new AtomicBoolean();
    return new Spine(
        "Arrow batches",
        timestampColumn,
        null,
        (allocator, resources) -> {
          if (read.getAndSet(true)) {
            throw new SokoException(
                "Cannot read the spine: its Arrow batches were already read, and an Arrow reader"
                    + " can be read once; make a new Spine for each output, or write the training"
                    + " set to a file and read that");
          }

          return new TableSource.Arrow(reader);
        });
  }

  /**
   * Returns a spine of one Arrow batch. The batch stays the caller's: it may be read any number of
   * times, and the caller closes it when done.
   *
   * @param batch the rows
   * @param timestampColumn the column holding each row's timestamp
   */
  public static Spine arrow(VectorSchemaRoot batch, String timestampColumn) {
    Checks.given(batch, "make a spine of an Arrow batch", "the batch", "give a batch");
    return new Spine(
        "an Arrow batch",
        timestampColumn,
        null,
        (allocator, resources) -> {
          ArrowReader reader = RecordBatches.of(batch, allocator);
          resources.add(reader);
          return new TableSource.Arrow(reader);
        });
  }

  /**
   * Returns a spine read from a Parquet file.
   *
   * @param path the file
   * @param timestampColumn the column holding each row's timestamp
   */
  public static Spine parquet(Path path, String timestampColumn) {
    Checks.given(path, "make a spine of a Parquet file", "the path", "give the file's path");
    return new Spine(
        path.toString(),
        timestampColumn,
        null,
        (allocator, resources) -> new TableSource.Parquet(path));
  }

  /**
   * Returns a spine read from a CSV file with a header line. Column types are inferred; key columns
   * of string keys are read as strings, so {@code 007} stays {@code 007}.
   *
   * @param path the file
   * @param timestampColumn the column holding each row's timestamp
   */
  public static Spine csv(Path path, String timestampColumn) {
    Checks.given(path, "make a spine of a CSV file", "the path", "give the file's path");
    return new Spine(
        path.toString(),
        timestampColumn,
        null,
        (allocator, resources) -> new TableSource.Csv(path));
  }

  /**
   * Returns a spine of records of any record type. Each component is a column named in snake_case
   * ({@code shownAt} gives {@code shown_at}), of one of the feature types ({@code String}, {@code
   * long}, {@code Instant}, and the rest); the timestamp column must be an {@code Instant}.
   *
   * @param type the record class
   * @param rows the rows, in spine order
   * @param timestampColumn the column holding each row's timestamp, in snake_case
   * @throws NullPointerException if an argument or a row is null
   * @throws IllegalArgumentException if a component is of an unsupported type, or the timestamp
   *     column is not an {@code Instant} component
   */
  public static <R extends Record> Spine records(
      Class<R> type, List<R> rows, String timestampColumn) {
    String what = "make a spine of records";
    Checks.given(type, what, "the record class", "give the class of the rows, such as Shown.class");
    Checks.named(
        timestampColumn,
        what + " " + type.getSimpleName(),
        "the timestamp column",
        "give the snake_case name of the Instant component that times each row");
    List<R> copy = copyRows(rows, what + " " + type.getSimpleName());
    RecordColumns<R> columns = new RecordColumns<>(type);
    if (!columns.names().contains(timestampColumn)) {
      throw new IllegalArgumentException(
          "Cannot "
              + what
              + " "
              + type.getSimpleName()
              + ": it has no component for timestamp column '"
              + timestampColumn
              + "'; give one of its columns "
              + columns.names());
    }

    if (columns.type(timestampColumn) != FeatureType.TIMESTAMP) {
      throw new IllegalArgumentException(
          "Cannot "
              + what
              + " "
              + type.getSimpleName()
              + ": timestamp column '"
              + timestampColumn
              + "' is a "
              + columns.type(timestampColumn).javaName()
              + ", not an Instant; give the name of an Instant component");
    }

    return new Spine(
        copy.size() + " " + type.getSimpleName() + " records",
        timestampColumn,
        null,
        (allocator, resources) -> {
          VectorSchemaRoot batch = columns.toArrow(copy, allocator);
          resources.add(batch);
          ArrowReader reader = RecordBatches.of(batch, allocator);
          resources.add(reader);
          return new TableSource.Arrow(reader);
        });
  }

  /**
   * Returns a spine of records of a feature group, with the group's columns; the timestamp column
   * is the group's event time.
   *
   * @param group the records' group
   * @param rows the rows, in spine order
   */
  public static <R extends Record> Spine records(GroupDefinition<R> group, List<R> rows) {
    Checks.given(
        group,
        "make a spine of group records",
        "the group",
        "give the group's definition, such as UserEngagementGroup.DEFINITION");
    List<R> copy = copyRows(rows, "make a spine of " + group.name() + " records");
    return new Spine(
        copy.size() + " " + group.name() + " records",
        group.spec().eventTime().name(),
        null,
        (allocator, resources) -> {
          VectorSchemaRoot batch = group.toArrow(copy, allocator);
          resources.add(batch);
          ArrowReader reader = RecordBatches.of(batch, allocator);
          resources.add(reader);
          return new TableSource.Arrow(reader);
        });
  }

  /**
   * Returns this spine with the zone of its timestamps that are written without one. Timestamps
   * with an offset or zone keep their own.
   */
  public Spine zone(ZoneId zone) {
    Checks.given(
        zone,
        "set the zone of " + this,
        "the zone",
        "give the zone of the timestamps written without one, such as ZoneId.of(\"UTC\")");
    return new Spine(description, timestampColumn, zone, opener);
  }

  /** Returns the name of the timestamp column. */
  public String timestampColumn() {
    return timestampColumn;
  }

  /** Returns the zone given for timestamps without one, if any. */
  public Optional<ZoneId> zone() {
    return Optional.ofNullable(zone);
  }

  private static <R> List<R> copyRows(@Nullable List<R> rows, String what) {
    Checks.given(rows, what, "the list of rows", "give a list, empty if need be");
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i) == null) {
        throw new NullPointerException(
            "Cannot " + what + ": row " + (i + 1) + " is null; leave it out or give a record");
      }
    }

    return List.copyOf(rows);
  }

  /** Opens the table for one join, adding what must be closed after it to {@code resources}. */
  TableSource open(BufferAllocator allocator, List<AutoCloseable> resources) {
    return opener.open(allocator, resources);
  }

  @Override
  public String toString() {
    return "spine of " + description + " timed by '" + timestampColumn + "'";
  }
}
