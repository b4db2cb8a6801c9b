package dev.soko;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A feature group bound to its Java record: the {@link GroupSpec} plus typed converters between
 * records, Arrow batches and plain values.
 *
 * <p>Soko's annotation processor generates one subclass per {@code @FeatureGroup} record, named
 * {@code <Record>Group}, with a {@code DEFINITION} constant. Two definitions are equal when their
 * group names and versions are.
 *
 * <p>Plain values are the Java values of each column in {@link GroupSpec#columns()} order: {@code
 * Boolean}, {@code Integer}, {@code Long}, {@code Float}, {@code Double}, {@code String}, {@code
 * Instant}, {@code LocalDate}, {@code byte[]}, {@code float[]}, {@code List<String>} and {@code
 * List<Long>}, or null.
 *
 * @param <R> the record type
 */
public abstract class GroupDefinition<R extends Record> {

  private final GroupSpec spec;
  private final Class<R> recordType;

  /**
   * Creates a definition.
   *
   * @param spec the group's columns and metadata
   * @param recordType the record class the group is declared on
   */
  protected GroupDefinition(GroupSpec spec, Class<R> recordType) {
    this.spec = requireNonNull(spec, "spec");
    this.recordType = requireNonNull(recordType, "recordType");
  }

  /** Returns the group's columns and metadata. */
  public final GroupSpec spec() {
    return spec;
  }

  /** Returns the group name. */
  public final String name() {
    return spec.name();
  }

  /** Returns the group version. */
  public final int version() {
    return spec.version();
  }

  /** Returns the record class the group is declared on. */
  public final Class<R> recordType() {
    return recordType;
  }

  /**
   * Converts records to a new Arrow batch with the group's schema. The caller closes the batch.
   *
   * @throws NullPointerException if the rows, the allocator, a row, or a key or the event time of a
   *     row is null, naming which
   */
  public abstract VectorSchemaRoot toArrow(List<R> rows, BufferAllocator allocator);

  /**
   * Converts every row of an Arrow batch to a record. The batch must hold the group's columns by
   * name; other columns are ignored.
   *
   * @throws NullPointerException if the batch is null
   * @throws IllegalArgumentException if a column is missing or of another type, or holds nulls
   *     where the group allows none
   */
  public abstract List<R> fromArrow(VectorSchemaRoot batch);

  /** Returns a record's plain values, in {@link GroupSpec#columns()} order. */
  public abstract Object[] values(R row);

  /** Creates a record from plain values, in {@link GroupSpec#columns()} order. */
  public abstract R fromValues(Object[] values);

  /** Returns a record's key. */
  public abstract EntityKey key(R row);

  @Override
  public final boolean equals(Object other) {
    return other instanceof GroupDefinition<?> that
        && spec.name().equals(that.spec.name())
        && spec.version() == that.spec.version();
  }

  @Override
  public final int hashCode() {
    return spec.name().hashCode() * 31 + spec.version();
  }

  @Override
  public String toString() {
    return spec.qualifiedName();
  }
}
