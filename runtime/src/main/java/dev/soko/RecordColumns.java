package dev.soko;

import dev.soko.internal.ArrowValues;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Turns records of any record type into an Arrow batch, one column per component, named in
 * snake_case.
 */
final class RecordColumns<R extends Record> {

  private static final Map<Class<?>, FeatureType> TYPES =
      Map.ofEntries(
          Map.entry(boolean.class, FeatureType.BOOLEAN),
          Map.entry(Boolean.class, FeatureType.BOOLEAN),
          Map.entry(int.class, FeatureType.INT),
          Map.entry(Integer.class, FeatureType.INT),
          Map.entry(long.class, FeatureType.LONG),
          Map.entry(Long.class, FeatureType.LONG),
          Map.entry(float.class, FeatureType.FLOAT),
          Map.entry(Float.class, FeatureType.FLOAT),
          Map.entry(double.class, FeatureType.DOUBLE),
          Map.entry(Double.class, FeatureType.DOUBLE),
          Map.entry(String.class, FeatureType.STRING),
          Map.entry(Instant.class, FeatureType.TIMESTAMP),
          Map.entry(LocalDate.class, FeatureType.DATE),
          Map.entry(byte[].class, FeatureType.BYTES),
          Map.entry(float[].class, FeatureType.FLOAT_ARRAY));

  private final List<Method> accessors = new ArrayList<>();
  private final List<Field> fields = new ArrayList<>();
  private final List<FeatureType> types = new ArrayList<>();

  RecordColumns(Class<R> type) {
    for (RecordComponent component : type.getRecordComponents()) {
      FeatureType columnType = typeOf(type, component);
      fields.add(columnType.field(snakeCase(component.getName()), true));
      types.add(columnType);
      Method accessor = component.getAccessor();
      accessor.setAccessible(true);
      accessors.add(accessor);
    }
  }

  /** Returns the column names, in component order. */
  List<String> names() {
    return fields.stream().map(Field::getName).toList();
  }

  /** Returns the column type of a name in {@link #names()}. */
  FeatureType type(String name) {
    return types.get(names().indexOf(name));
  }

  /** Returns a new batch of the rows; the caller closes it. */
  VectorSchemaRoot toArrow(List<R> rows, BufferAllocator allocator) {
    VectorSchemaRoot batch = VectorSchemaRoot.create(new Schema(fields), allocator);
    try {
      batch.allocateNew();
      for (int row = 0; row < rows.size(); row++) {
        R record = rows.get(row);
        for (int column = 0; column < accessors.size(); column++) {
          FieldVector vector = batch.getVector(column);
          ArrowValues.set(vector, types.get(column), row, value(accessors.get(column), record));
        }
      }

      batch.setRowCount(rows.size());
      return batch;
    } catch (RuntimeException e) {
      batch.close();
      throw e;
    }
  }

  private static Object value(Method accessor, Record record) {
    try {
      return accessor.invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new SokoException(
          "Cannot read component " + accessor.getName() + " of a spine record: " + e, e);
    }
  }

  private static FeatureType typeOf(Class<?> record, RecordComponent component) {
    FeatureType type = TYPES.get(component.getType());
    if (type != null) {
      return type;
    }

    Type generic = component.getGenericType();
    if (generic instanceof ParameterizedType parameterized
        && parameterized.getRawType() == List.class) {
      Type element = parameterized.getActualTypeArguments()[0];
      if (element == String.class) {
        return FeatureType.STRING_LIST;
      }

      if (element == Long.class) {
        return FeatureType.LONG_LIST;
      }
    }

    throw new IllegalArgumentException(
        "Component "
            + component.getName()
            + " of spine record "
            + record.getSimpleName()
            + " has type "
            + generic.getTypeName()
            + ", which a spine cannot hold; use one of "
            + Arrays.stream(FeatureType.values()).map(FeatureType::javaName).toList());
  }

  /** Returns a Java name in snake_case: {@code clicks24h} gives {@code clicks_24h}. */
  static String snakeCase(String name) {
    StringBuilder out = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      char previous = i == 0 ? 'x' : name.charAt(i - 1);
      boolean boundary =
          i > 0
              && ((Character.isUpperCase(c) && !Character.isUpperCase(previous))
                  || (Character.isDigit(c) && !Character.isDigit(previous)));
      if (boundary && previous != '_') {
        out.append('_');
      }

      out.append(Character.toLowerCase(c));
    }

    return out.toString();
  }
}
