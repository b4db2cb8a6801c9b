package dev.soko.internal;

import dev.soko.Column;
import dev.soko.FeatureType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.Text;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes the plain Java value of one cell of an Arrow vector, for every {@link
 * FeatureType}. Plain values are those described in {@link dev.soko.GroupDefinition}.
 *
 * <p>Not API: the runtime, the backends and the code that the processor generates share it, and it
 * may change in any release together with them.
 */
public final class ArrowValues {

  private ArrowValues() {}

  /**
   * Returns the plain value at a row, or null.
   *
   * @throws IllegalArgumentException if the vector does not hold values of the type
   */
  public static @Nullable Object get(FieldVector vector, FeatureType type, int row) {
    if (vector.isNull(row)) {
      return null;
    }

    return switch (type) {
      case BOOLEAN -> ((BitVector) vector).get(row) != 0;
      case INT -> ((IntVector) vector).get(row);
      case LONG -> ((BigIntVector) vector).get(row);
      case FLOAT -> ((Float4Vector) vector).get(row);
      case DOUBLE -> ((Float8Vector) vector).get(row);
      case STRING -> new String(((VarCharVector) vector).get(row), StandardCharsets.UTF_8);
      case TIMESTAMP -> instant(((TimeStampVector) vector).get(row));
      case DATE -> LocalDate.ofEpochDay(((DateDayVector) vector).get(row));
      case BYTES -> ((VarBinaryVector) vector).get(row);
      case FLOAT_ARRAY -> floats((ListVector) vector, row);
      case STRING_LIST -> strings((ListVector) vector, row);
      case LONG_LIST -> longs((ListVector) vector, row);
    };
  }

  /**
   * Returns the plain value at a row of a vector of any type, such as a query result's: {@code
   * Instant} for a timestamp with a zone, {@code LocalDateTime} for one without, {@code LocalDate},
   * {@code String}, {@code byte[]}, {@code float[]} for a list of floats, a {@code List} for other
   * lists, or the vector's own object.
   */
  public static @Nullable Object get(ValueVector vector, int row) {
    if (vector.isNull(row)) {
      return null;
    }

    if (vector instanceof TimeStampVector timestamps) {
      ArrowType.Timestamp type = (ArrowType.Timestamp) timestamps.getField().getType();
      Instant instant = Instant.EPOCH.plus(timestamps.get(row), unit(type.getUnit()));
      return type.getTimezone() == null
          ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC)
          : instant;
    }

    if (vector instanceof DateDayVector dates) {
      return LocalDate.ofEpochDay(dates.get(row));
    }

    if (vector instanceof ListVector list) {
      if (list.getDataVector() instanceof Float4Vector) {
        return floats(list, row);
      }

      List<@Nullable Object> values = new ArrayList<>();
      for (int i = list.getElementStartIndex(row); i < list.getElementEndIndex(row); i++) {
        values.add(get(list.getDataVector(), i));
      }

      return values;
    }

    Object value = vector.getObject(row);
    return value instanceof Text text ? text.toString() : value;
  }

  /**
   * Sets the plain value at a row, growing the vector as needed; null sets a null.
   *
   * @throws ClassCastException if the value is not of the type's Java class
   */
  public static void set(FieldVector vector, FeatureType type, int row, @Nullable Object value) {
    if (value == null) {
      if (vector instanceof ListVector list) {
        list.setNull(row);
      } else {
        // setNull does not grow a fixed-width vector; make room first.
        while (vector.getValueCapacity() <= row) {
          vector.reAlloc();
        }

        vector.setNull(row);
      }

      return;
    }

    switch (type) {
      case BOOLEAN -> ((BitVector) vector).setSafe(row, (Boolean) value ? 1 : 0);
      case INT -> ((IntVector) vector).setSafe(row, (Integer) value);
      case LONG -> ((BigIntVector) vector).setSafe(row, (Long) value);
      case FLOAT -> ((Float4Vector) vector).setSafe(row, (Float) value);
      case DOUBLE -> ((Float8Vector) vector).setSafe(row, (Double) value);
      case STRING ->
          ((VarCharVector) vector).setSafe(row, ((String) value).getBytes(StandardCharsets.UTF_8));
      case TIMESTAMP -> ((TimeStampVector) vector).setSafe(row, micros((Instant) value));
      case DATE -> ((DateDayVector) vector).setSafe(row, (int) ((LocalDate) value).toEpochDay());
      case BYTES -> ((VarBinaryVector) vector).setSafe(row, (byte[]) value);
      case FLOAT_ARRAY -> setFloats((ListVector) vector, row, (float[]) value);
      case STRING_LIST -> setStrings((ListVector) vector, row, listOf(value));
      case LONG_LIST -> setLongs((ListVector) vector, row, listOf(value));
    }
  }

  /**
   * Creates a batch of the given columns from rows of plain values, in column order. The caller
   * closes the batch.
   */
  public static VectorSchemaRoot batch(
      List<Column> columns, List<Object[]> rows, BufferAllocator allocator) {
    List<Field> fields = new ArrayList<>(columns.size());
    for (Column column : columns) {
      fields.add(column.field());
    }

    VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), allocator);
    try {
      root.allocateNew();
      for (int c = 0; c < columns.size(); c++) {
        FieldVector vector = root.getVector(c);
        FeatureType type = columns.get(c).type();
        for (int r = 0; r < rows.size(); r++) {
          set(vector, type, r, rows.get(r)[c]);
        }
      }

      root.setRowCount(rows.size());
      return root;
    } catch (RuntimeException e) {
      root.close();
      throw e;
    }
  }

  /** Returns the instant of a count of microseconds since the epoch, negative before 1970. */
  public static Instant instant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  private static ChronoUnit unit(TimeUnit unit) {
    return switch (unit) {
      case SECOND -> ChronoUnit.SECONDS;
      case MILLISECOND -> ChronoUnit.MILLIS;
      case MICROSECOND -> ChronoUnit.MICROS;
      case NANOSECOND -> ChronoUnit.NANOS;
    };
  }

  /**
   * Returns an instant as microseconds since the epoch, rounded down: a finer part is dropped
   * toward the past, before 1970 as after.
   *
   * @throws ArithmeticException if the instant is too far from 1970 for a {@code long}
   */
  public static long micros(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }

  /** Returns a list value as a list of the column's element type, checked as it is read. */
  @SuppressWarnings("unchecked")
  private static <T> List<T> listOf(Object value) {
    return (List<T>) value;
  }

  /** Returns the non-null list of floats at a row; a null element reads as {@code NaN}. */
  public static float[] floats(ListVector vector, int row) {
    Float4Vector data = (Float4Vector) vector.getDataVector();
    ArrowBuf buffer = data.getDataBuffer();
    int start = vector.getElementStartIndex(row);
    float[] values = new float[vector.getElementEndIndex(row) - start];
    for (int i = 0; i < values.length; i++) {
      // Limitation: a null inside an embedding, which the store's writes refuse but a store changed
      // by other tools can hold, reads as NaN, since a float[] cannot hold null.
      // The static getter skips the null check that isNull has just made.
      values[i] = data.isNull(start + i) ? Float.NaN : Float4Vector.get(buffer, start + i);
    }

    return values;
  }

  /** Returns the non-null list of strings at a row, keeping null elements. */
  public static List<@Nullable String> strings(ListVector vector, int row) {
    VarCharVector data = (VarCharVector) vector.getDataVector();
    int start = vector.getElementStartIndex(row);
    @Nullable String[] values = new String[vector.getElementEndIndex(row) - start];
    for (int i = 0; i < values.length; i++) {
      byte[] bytes = data.get(start + i);
      values[i] = bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    return Arrays.asList(values);
  }

  /** Returns the non-null list of longs at a row, keeping null elements. */
  public static List<@Nullable Long> longs(ListVector vector, int row) {
    BigIntVector data = (BigIntVector) vector.getDataVector();
    int start = vector.getElementStartIndex(row);
    @Nullable Long[] values = new Long[vector.getElementEndIndex(row) - start];
    for (int i = 0; i < values.length; i++) {
      values[i] = data.isNull(start + i) ? null : data.get(start + i);
    }

    return Arrays.asList(values);
  }

  /** Sets a non-null list of floats at a row, growing the vector as needed. */
  public static void setFloats(ListVector vector, int row, float[] values) {
    Float4Vector data = (Float4Vector) vector.getDataVector();
    int start = vector.startNewValue(row);
    for (int i = 0; i < values.length; i++) {
      data.setSafe(start + i, values[i]);
    }

    vector.endValue(row, values.length);
  }

  /** Sets a non-null list of strings at a row, null elements included. */
  public static void setStrings(
      ListVector vector, int row, List<? extends @Nullable String> values) {
    VarCharVector data = (VarCharVector) vector.getDataVector();
    int index = vector.startNewValue(row);
    for (String value : values) {
      if (value == null) {
        data.setNull(index);
      } else {
        data.setSafe(index, value.getBytes(StandardCharsets.UTF_8));
      }

      index++;
    }

    vector.endValue(row, values.size());
  }

  /** Sets a non-null list of longs at a row, null elements included. */
  public static void setLongs(ListVector vector, int row, List<? extends @Nullable Long> values) {
    BigIntVector data = (BigIntVector) vector.getDataVector();
    int index = vector.startNewValue(row);
    for (Long value : values) {
      if (value == null) {
        data.setNull(index);
      } else {
        data.setSafe(index, value);
      }

      index++;
    }

    vector.endValue(row, values.size());
  }
}
