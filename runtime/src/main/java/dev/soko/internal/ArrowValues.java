package dev.soko.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.util.Text;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes plain values (see {@link dev.soko.GroupDefinition}) in Arrow vectors of the
 * types {@link dev.soko.FeatureType} maps to.
 */
public final class ArrowValues {

  private ArrowValues() {}

  /**
   * Returns the plain value at a position: {@code Instant} for a timestamp with a zone, {@code
   * LocalDateTime} for one without, {@code LocalDate}, {@code String}, {@code byte[]}, {@code
   * float[]} for a list of floats, a {@code List} for other lists, or the vector's own object.
   */
  public static @Nullable Object get(ValueVector vector, int index) {
    if (vector.isNull(index)) {
      return null;
    }

    if (vector instanceof TimeStampVector timestamps) {
      return timestamp(timestamps, index);
    }

    if (vector instanceof DateDayVector dates) {
      return LocalDate.ofEpochDay(dates.get(index));
    }

    if (vector instanceof ListVector list) {
      return list(list, index);
    }

    Object value = vector.getObject(index);
    if (value instanceof Text text) {
      return text.toString();
    }

    return value;
  }

  /**
   * Sets the plain value at a position, growing the vector as needed; null sets a null.
   *
   * @throws IllegalArgumentException if the vector is of a type no feature type maps to, or the
   *     value does not fit it
   */
  public static void set(FieldVector vector, int index, @Nullable Object value) {
    if (value == null) {
      setNull(vector, index);
      return;
    }

    try {
      setValue(vector, index, value);
    } catch (ClassCastException e) {
      throw new IllegalArgumentException(
          "Value "
              + value
              + " of type "
              + value.getClass().getSimpleName()
              + " does not fit column '"
              + vector.getName()
              + "' of Arrow type "
              + vector.getField().getType(),
          e);
    }
  }

  private static void setValue(FieldVector vector, int index, Object value) {
    if (vector instanceof BitVector v) {
      v.setSafe(index, (Boolean) value ? 1 : 0);
    } else if (vector instanceof IntVector v) {
      v.setSafe(index, (Integer) value);
    } else if (vector instanceof BigIntVector v) {
      v.setSafe(index, (Long) value);
    } else if (vector instanceof Float4Vector v) {
      v.setSafe(index, (Float) value);
    } else if (vector instanceof Float8Vector v) {
      v.setSafe(index, (Double) value);
    } else if (vector instanceof VarCharVector v) {
      v.setSafe(index, ((String) value).getBytes(StandardCharsets.UTF_8));
    } else if (vector instanceof TimeStampMicroTZVector v) {
      v.setSafe(index, micros((Instant) value));
    } else if (vector instanceof DateDayVector v) {
      v.setSafe(index, Math.toIntExact(((LocalDate) value).toEpochDay()));
    } else if (vector instanceof VarBinaryVector v) {
      v.setSafe(index, (byte[]) value);
    } else if (vector instanceof ListVector v) {
      setList(v, index, value);
    } else {
      throw new IllegalArgumentException(
          "Column '"
              + vector.getName()
              + "' has Arrow type "
              + vector.getField().getType()
              + ", which no feature type maps to");
    }
  }

  private static void setList(ListVector vector, int index, Object value) {
    FieldVector elements = (FieldVector) vector.getDataVector();
    int start = vector.startNewValue(index);
    int count;
    if (value instanceof float[] floats) {
      for (int i = 0; i < floats.length; i++) {
        set(elements, start + i, floats[i]);
      }

      count = floats.length;
    } else {
      List<?> list = (List<?>) value;
      for (int i = 0; i < list.size(); i++) {
        set(elements, start + i, list.get(i));
      }

      count = list.size();
    }

    vector.endValue(index, count);
  }

  private static void setNull(FieldVector vector, int index) {
    // Fixed-width vectors must have room for the position before it is marked null.
    while (vector.getValueCapacity() <= index) {
      vector.reAlloc();
    }

    if (vector instanceof ListVector list) {
      list.setNull(index);
    } else if (vector instanceof org.apache.arrow.vector.BaseFixedWidthVector fixed) {
      fixed.setNull(index);
    } else if (vector instanceof org.apache.arrow.vector.BaseVariableWidthVector variable) {
      variable.setNull(index);
    } else {
      throw new IllegalArgumentException(
          "Column '"
              + vector.getName()
              + "' of Arrow type "
              + vector.getField().getType()
              + " cannot hold a null here");
    }
  }

  /** Returns the microseconds since the epoch of an instant. */
  public static long micros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }

  private static Object timestamp(TimeStampVector vector, int index) {
    ArrowType.Timestamp type = (ArrowType.Timestamp) vector.getField().getType();
    long value = vector.get(index);
    Instant instant = Instant.EPOCH.plus(value, unit(type.getUnit()));
    if (type.getTimezone() == null) {
      return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    return instant;
  }

  private static ChronoUnit unit(TimeUnit unit) {
    return switch (unit) {
      case SECOND -> ChronoUnit.SECONDS;
      case MILLISECOND -> ChronoUnit.MILLIS;
      case MICROSECOND -> ChronoUnit.MICROS;
      case NANOSECOND -> ChronoUnit.NANOS;
    };
  }

  private static Object list(ListVector vector, int index) {
    ValueVector elements = vector.getDataVector();
    int start = vector.getElementStartIndex(index);
    int end = vector.getElementEndIndex(index);
    if (elements instanceof Float4Vector floats) {
      float[] values = new float[end - start];
      for (int i = start; i < end; i++) {
        values[i - start] = floats.isNull(i) ? Float.NaN : floats.get(i);
      }

      return values;
    }

    List<@Nullable Object> values = new ArrayList<>(end - start);
    for (int i = start; i < end; i++) {
      values.add(get(elements, i));
    }

    return values;
  }
}
