package dev.soko.internal;

import dev.soko.Column;
import dev.soko.FeatureType;
import dev.soko.GroupDefinition;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.jspecify.annotations.Nullable;

/**
 * The checks that every generated {@code <Record>Group} makes as it converts: of a batch's columns
 * and of required values. The conversions of instants and lists that they share are in {@link
 * ArrowValues}.
 *
 * <p>For generated code only. It is public because generated groups live in their users' packages,
 * but it is not API: it may change in any release, together with the processor that generates the
 * calls.
 */
public final class GroupConverters {

  private GroupConverters() {}

  /**
   * Checks the arguments of a conversion of rows to Arrow.
   *
   * @param group the group that converts
   * @param rows the rows, which must not be null
   * @param allocator the allocator of the batch, which must not be null
   * @throws NullPointerException naming the null argument and what to pass instead
   */
  public static void checkToArrow(
      GroupDefinition<?> group, @Nullable List<?> rows, @Nullable BufferAllocator allocator) {
    String what = "Cannot convert rows of feature group " + group.name() + " to Arrow: ";
    if (rows == null) {
      throw new NullPointerException(what + "rows is null; pass a list, empty for none");
    }

    if (allocator == null) {
      throw new NullPointerException(
          what + "allocator is null; pass a BufferAllocator, such as a RootAllocator");
    }
  }

  /**
   * Checks that a row to convert to Arrow is not null.
   *
   * @param row the row
   * @param group the group that converts it
   * @param index the row's index in the list
   * @throws NullPointerException if the row is null
   */
  public static void checkRow(@Nullable Object row, GroupDefinition<?> group, int index) {
    if (row == null) {
      throw new NullPointerException(
          "Cannot convert row "
              + index
              + " of feature group "
              + group.name()
              + " to Arrow: the row is null; remove it from the list");
    }
  }

  /**
   * Checks the argument of a conversion of a batch to rows.
   *
   * @param group the group that reads the batch
   * @param batch the batch, which must not be null
   * @throws NullPointerException if the batch is null
   */
  public static void checkFromArrow(GroupDefinition<?> group, @Nullable VectorSchemaRoot batch) {
    if (batch == null) {
      throw new NullPointerException(
          "Cannot read feature group "
              + group
              + " from Arrow: the batch is null; pass a VectorSchemaRoot with the group's"
              + " columns");
    }
  }

  /**
   * Returns a column of a batch that a group reads, checked against the group's column of that
   * name.
   *
   * @param group the group that reads the batch
   * @param batch the batch
   * @param name the column's name, which the group must have
   * @param type the vector class of the column's type
   * @throws IllegalArgumentException if the batch has no such column, if its type is not the
   *     group's, or if it holds nulls in a column that must not have any
   */
  public static <V extends FieldVector> V column(
      GroupDefinition<?> group, VectorSchemaRoot batch, String name, Class<V> type) {
    Column column = group.spec().column(name).orElseThrow();
    FieldVector vector = batch.getVector(name);
    if (vector == null) {
      throw new IllegalArgumentException(
          "Cannot read feature group "
              + group
              + " from Arrow: the batch has no column '"
              + name
              + "'");
    }

    if (!type.isInstance(vector) || FeatureType.of(vector.getField()) != column.type()) {
      throw new IllegalArgumentException(
          "Cannot read feature group "
              + group
              + " from Arrow: column '"
              + name
              + "' is "
              + vector.getField()
              + ", not "
              + column.type());
    }

    if (!column.nullable() && vector.getNullCount() > 0) {
      throw new IllegalArgumentException(
          "Cannot read feature group "
              + group
              + " from Arrow: column '"
              + name
              + "' holds "
              + vector.getNullCount()
              + " nulls, but it is a key, the event time or a primitive feature");
    }

    return type.cast(vector);
  }

  /**
   * Checks that a row that a group writes has a value for a key or for the event time.
   *
   * @param value the row's value in that column
   * @param group the group that writes the row
   * @param column the column's name
   * @param row the row's index in the batch
   * @throws NullPointerException if the value is null
   */
  public static void checkRequired(
      @Nullable Object value, GroupDefinition<?> group, String column, int row) {
    if (value == null) {
      throw new NullPointerException(
          "Cannot convert row "
              + row
              + " of feature group "
              + group.name()
              + " to Arrow: its column '"
              + column
              + "' is a key or the event time, and must not be null");
    }
  }
}
