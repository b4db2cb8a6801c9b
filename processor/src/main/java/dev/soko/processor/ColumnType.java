package dev.soko.processor;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * The column types the processor accepts, mirroring the runtime's {@code dev.soko.FeatureType} by
 * name (the processor does not depend on the runtime).
 */
enum ColumnType {
  BOOLEAN(TypeName.BOOLEAN, "BitVector"),
  INT(TypeName.INT, "IntVector"),
  LONG(TypeName.LONG, "BigIntVector"),
  FLOAT(TypeName.FLOAT, "Float4Vector"),
  DOUBLE(TypeName.DOUBLE, "Float8Vector"),
  STRING(ClassName.get(String.class), "VarCharVector"),
  TIMESTAMP(ClassName.get("java.time", "Instant"), "TimeStampMicroTZVector"),
  DATE(ClassName.get("java.time", "LocalDate"), "DateDayVector"),
  BYTES(ArrayTypeName.of(TypeName.BYTE), "VarBinaryVector"),
  FLOAT_ARRAY(ArrayTypeName.of(TypeName.FLOAT), "complex", "ListVector"),
  STRING_LIST(listOf(ClassName.get(String.class)), "complex", "ListVector"),
  LONG_LIST(listOf(ClassName.get(Long.class)), "complex", "ListVector");

  /** The supported feature types as a user writes them, for error messages. */
  static final String SUPPORTED =
      "boolean, int, long, float, double, String, Instant, LocalDate, byte[], float[],"
          + " List<String> or List<Long> (boxed primitives allowed)";

  private static final String ARROW_VECTOR = "org.apache.arrow.vector";

  private final TypeName javaType;
  private final ClassName vector;

  ColumnType(TypeName javaType, String vector) {
    this.javaType = javaType;
    this.vector = ClassName.get(ARROW_VECTOR, vector);
  }

  ColumnType(TypeName javaType, String subpackage, String vector) {
    this.javaType = javaType;
    this.vector = ClassName.get(ARROW_VECTOR + "." + subpackage, vector);
  }

  /** Returns the Java type of a value: a primitive for the scalar number and boolean types. */
  TypeName javaType() {
    return javaType;
  }

  /** Returns the Java type of a value that may be null. */
  TypeName boxedType() {
    return javaType.isPrimitive() ? javaType.box() : javaType;
  }

  /** Returns the Arrow vector class that holds a column of this type. */
  ClassName vector() {
    return vector;
  }

  /** Returns whether a value of this type is a primitive when not null. */
  boolean hasPrimitive() {
    return javaType.isPrimitive();
  }

  /** Returns whether this type is a list of elements in Arrow. */
  boolean isList() {
    return this == FLOAT_ARRAY || this == STRING_LIST || this == LONG_LIST;
  }

  /** Returns whether a key may be of this type. */
  boolean isKeyType() {
    return this == STRING || this == INT || this == LONG;
  }

  private static TypeName listOf(ClassName element) {
    return ParameterizedTypeName.get(ClassName.get(List.class), element);
  }
}
