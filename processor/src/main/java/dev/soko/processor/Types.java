package dev.soko.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import javax.lang.model.element.Modifier;

/** Class names that generated code refers to. */
final class Types {

  static final ClassName GROUP_DEFINITION = ClassName.get("dev.soko", "GroupDefinition");
  static final ClassName GROUP_SPEC = ClassName.get("dev.soko", "GroupSpec");
  static final ClassName COLUMN = ClassName.get("dev.soko", "Column");
  static final ClassName COLUMN_ROLE = COLUMN.nestedClass("Role");
  static final ClassName FEATURE_TYPE = ClassName.get("dev.soko", "FeatureType");
  static final ClassName FEATURE_REF = ClassName.get("dev.soko", "FeatureRef");
  static final ClassName ENTITY_KEY = ClassName.get("dev.soko", "EntityKey");
  static final ClassName FEATURE_STORE = ClassName.get("dev.soko", "FeatureStore");
  static final ClassName TIME_RANGE = ClassName.get("dev.soko", "TimeRange");
  static final ClassName WRITE_RESULT = ClassName.get("dev.soko", "WriteResult");
  static final ClassName ARROW_VALUES = ClassName.get("dev.soko.internal", "ArrowValues");
  static final ClassName GROUP_CONVERTERS = ClassName.get("dev.soko.internal", "GroupConverters");

  static final ClassName BUFFER_ALLOCATOR =
      ClassName.get("org.apache.arrow.memory", "BufferAllocator");
  static final ClassName VECTOR_SCHEMA_ROOT =
      ClassName.get("org.apache.arrow.vector", "VectorSchemaRoot");
  static final ClassName FIELD_VECTOR = ClassName.get("org.apache.arrow.vector", "FieldVector");

  static final ClassName LIST = ClassName.get("java.util", "List");
  static final ClassName ARRAY_LIST = ClassName.get("java.util", "ArrayList");
  static final ClassName COLLECTION = ClassName.get("java.util", "Collection");
  static final ClassName MAP = ClassName.get("java.util", "Map");
  static final ClassName LINKED_HASH_MAP = ClassName.get("java.util", "LinkedHashMap");
  static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");
  static final ClassName OBJECTS = ClassName.get("java.util", "Objects");
  static final ClassName DURATION = ClassName.get("java.time", "Duration");
  static final ClassName INSTANT = ClassName.get("java.time", "Instant");
  static final ClassName LOCAL_DATE = ClassName.get("java.time", "LocalDate");
  static final ClassName CHARSETS = ClassName.get("java.nio.charset", "StandardCharsets");
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

  private Types() {}

  /**
   * Returns the private constructor of a class that holds a {@code FeatureStore}, refusing a null
   * store with a message that names the class and the fix.
   */
  static MethodSpec storeConstructor(ClassName self) {
    return MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PRIVATE)
        .addParameter(FEATURE_STORE, "store")
        .addStatement(
            "this.store = $T.requireNonNull(store, $S)",
            OBJECTS,
            "Cannot create "
                + self.simpleName()
                + ": the store is null; give an open store, such as FeatureStore.open()")
        .build();
  }

  /** Returns the static {@code of(FeatureStore)} factory of a class that holds a store. */
  static MethodSpec storeFactory(ClassName self, String javadoc) {
    return MethodSpec.methodBuilder("of")
        .addJavadoc(javadoc + "\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(self)
        .addParameter(FEATURE_STORE, "store")
        .addStatement("return new $T(store)", self)
        .build();
  }
}
