package dev.soko;

import java.util.List;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * The column types a feature group can hold, each with its Java type and its Arrow type.
 *
 * <p>Keys are {@link #STRING}, {@link #INT} or {@link #LONG}; the event time is a {@link
 * #TIMESTAMP}; features may be of any type.
 */
public enum FeatureType {
  /** {@code boolean} or {@code Boolean}; Arrow {@code Bool}. */
  BOOLEAN("boolean", ArrowType.Bool.INSTANCE),
  /** {@code int} or {@code Integer}; Arrow {@code Int(32, signed)}. */
  INT("int", new ArrowType.Int(32, true)),
  /** {@code long} or {@code Long}; Arrow {@code Int(64, signed)}. */
  LONG("long", new ArrowType.Int(64, true)),
  /** {@code float} or {@code Float}; Arrow {@code FloatingPoint(SINGLE)}. */
  FLOAT("float", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)),
  /** {@code double} or {@code Double}; Arrow {@code FloatingPoint(DOUBLE)}. */
  DOUBLE("double", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
  /** {@code String}; Arrow {@code Utf8}. */
  STRING("String", ArrowType.Utf8.INSTANCE),
  /** {@code Instant}; Arrow {@code Timestamp(MICROSECOND, "UTC")}. */
  TIMESTAMP("Instant", new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC")),
  /** {@code LocalDate}; Arrow {@code Date(DAY)}. */
  DATE("LocalDate", new ArrowType.Date(DateUnit.DAY)),
  /** {@code byte[]}; Arrow {@code Binary}. */
  BYTES("byte[]", ArrowType.Binary.INSTANCE),
  /** {@code float[]}, an embedding; Arrow {@code List<FloatingPoint(SINGLE)>}. */
  FLOAT_ARRAY("float[]", ArrowType.List.INSTANCE),
  /** {@code List<String>}; Arrow {@code List<Utf8>}. */
  STRING_LIST("List<String>", ArrowType.List.INSTANCE),
  /** {@code List<Long>}; Arrow {@code List<Int(64, signed)>}. */
  LONG_LIST("List<Long>", ArrowType.List.INSTANCE);

  private final String javaName;
  private final ArrowType arrowType;

  FeatureType(String javaName, ArrowType arrowType) {
    this.javaName = javaName;
    this.arrowType = arrowType;
  }

  /** Returns the Java type as written in a record, such as {@code List<String>}. */
  public String javaName() {
    return javaName;
  }

  /** Returns whether this type can be a key: {@code STRING}, {@code INT} or {@code LONG}. */
  public boolean isKeyType() {
    return this == STRING || this == INT || this == LONG;
  }

  /** Returns the element type of a list type, or null for a scalar type. */
  FeatureType elementType() {
    return switch (this) {
      case FLOAT_ARRAY -> FLOAT;
      case STRING_LIST -> STRING;
      case LONG_LIST -> LONG;
      default -> null;
    };
  }

  /**
   * Returns the Arrow field of a column of this type.
   *
   * @param name the column name
   * @param nullable whether the column may hold nulls
   */
  public Field field(String name, boolean nullable) {
    FeatureType element = elementType();
    if (element == null) {
      return new Field(name, new FieldType(nullable, arrowType, null), null);
    }

    // List elements are always nullable in Arrow's writers; the list itself carries the flag.
    return new Field(
        name,
        new FieldType(nullable, arrowType, null),
        List.of(new Field("element", FieldType.nullable(element.arrowType), null)));
  }

  /**
   * Returns the type whose Arrow field matches the given one, ignoring names and nullability.
   *
   * @throws IllegalArgumentException if no feature type maps to that Arrow type
   */
  public static FeatureType of(Field field) {
    ArrowType type = field.getType();
    if (type instanceof ArrowType.List || type instanceof ArrowType.LargeList) {
      ArrowType element = field.getChildren().get(0).getType();
      for (FeatureType candidate : values()) {
        FeatureType candidateElement = candidate.elementType();
        if (candidateElement != null && candidateElement.arrowType.equals(element)) {
          return candidate;
        }
      }
    } else {
      for (FeatureType candidate : values()) {
        if (candidate.elementType() == null && candidate.arrowType.equals(type)) {
          return candidate;
        }
      }
    }

    throw new IllegalArgumentException(
        "Column '"
            + field.getName()
            + "' has Arrow type "
            + field
            + ", which no feature type maps to");
  }
}
