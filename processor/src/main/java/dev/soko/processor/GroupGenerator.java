package dev.soko.processor;

import static dev.soko.processor.Types.ARRAYS;
import static dev.soko.processor.Types.ARRAY_LIST;
import static dev.soko.processor.Types.BIGINT_VECTOR;
import static dev.soko.processor.Types.BUFFER_ALLOCATOR;
import static dev.soko.processor.Types.CHARSETS;
import static dev.soko.processor.Types.COLUMN;
import static dev.soko.processor.Types.COLUMN_ROLE;
import static dev.soko.processor.Types.DURATION;
import static dev.soko.processor.Types.ENTITY_KEY;
import static dev.soko.processor.Types.FEATURE_REF;
import static dev.soko.processor.Types.FEATURE_TYPE;
import static dev.soko.processor.Types.FIELD_VECTOR;
import static dev.soko.processor.Types.FLOAT4_VECTOR;
import static dev.soko.processor.Types.GROUP_DEFINITION;
import static dev.soko.processor.Types.GROUP_SPEC;
import static dev.soko.processor.Types.INSTANT;
import static dev.soko.processor.Types.LIST;
import static dev.soko.processor.Types.LIST_VECTOR;
import static dev.soko.processor.Types.LOCAL_DATE;
import static dev.soko.processor.Types.STRING;
import static dev.soko.processor.Types.VARCHAR_VECTOR;
import static dev.soko.processor.Types.VECTOR_SCHEMA_ROOT;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/** Generates {@code <Record>Group}: the definition, its feature constants and its converters. */
final class GroupGenerator {

  private final GroupModel group;
  private final ClassName self;
  private final List<ColumnModel> columns;
  private final Set<ColumnType> types = EnumSet.noneOf(ColumnType.class);

  GroupGenerator(GroupModel group) {
    this.group = group;
    this.self = group.groupClass();
    this.columns = group.columns();
    for (ColumnModel column : columns) {
      types.add(column.type());
    }
  }

  TypeSpec generate(TypeSpec.Builder type) {
    type.addJavadoc(
            "$L\n",
            Javadoc.wrap(
                "The definition of feature group {@code "
                    + group.name()
                    + "}, version "
                    + group.version()
                    + ", declared by {@link "
                    + String.join(".", group.recordClass().simpleNames())
                    + "}: its columns, its Arrow schema, a constant for each feature, and converters"
                    + " between records and Arrow batches.",
                0))
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(GROUP_DEFINITION, group.recordClass()));
    if (!group.description().isEmpty()) {
      type.addJavadoc("\n$L\n", Javadoc.wrap("<p>" + Javadoc.text(group.description()), 0));
    }

    type.addField(
        FieldSpec.builder(self, "DEFINITION", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc(
                "The definition of {@code $L}; pass it wherever a group is expected.\n",
                group.name())
            .initializer("new $T()", self)
            .build());
    for (ColumnModel feature : group.features()) {
      type.addField(featureConstant(feature));
    }

    type.addMethod(
        MethodSpec.constructorBuilder()
            .addJavadoc(
                "Creates the definition. {@link java.util.ServiceLoader} needs this constructor;\n"
                    + "code should use {@link #DEFINITION}.\n")
            .addModifiers(Modifier.PUBLIC)
            .addStatement("super(groupSpec(), $T.class)", group.recordClass())
            .build());
    type.addMethod(toArrow());
    type.addMethod(fromArrow());
    type.addMethod(values());
    type.addMethod(fromValues());
    type.addMethod(key());
    type.addMethod(groupSpec());
    type.addMethod(column());
    type.addMethod(required());
    type.addMethod(micros());
    type.addMethod(instant());
    if (types.contains(ColumnType.FLOAT_ARRAY)) {
      type.addMethod(setFloats());
      type.addMethod(floats());
    }

    if (types.contains(ColumnType.STRING_LIST)) {
      type.addMethod(setStrings());
      type.addMethod(strings());
    }

    if (types.contains(ColumnType.LONG_LIST)) {
      type.addMethod(setLongs());
      type.addMethod(longs());
    }

    return type.build();
  }

  private FieldSpec featureConstant(ColumnModel feature) {
    FieldSpec.Builder field =
        FieldSpec.builder(
                ParameterizedTypeName.get(FEATURE_REF, feature.type().boxedType()),
                feature.constant(),
                Modifier.PUBLIC,
                Modifier.STATIC,
                Modifier.FINAL)
            .initializer(
                "$Znew $T<>(DEFINITION, $S, $T.$L)",
                FEATURE_REF,
                feature.name(),
                FEATURE_TYPE,
                feature.type().name());
    if (feature.description().isEmpty()) {
      field.addJavadoc("The feature {@code $L}.\n", feature.name());
    } else {
      field.addJavadoc(
          "$L\n",
          Javadoc.wrap(
              "The feature {@code " + feature.name() + "}: " + Javadoc.text(feature.description()),
              1));
    }

    return field.build();
  }

  private MethodSpec groupSpec() {
    CodeBlock.Builder keys = CodeBlock.builder();
    for (int i = 0; i < group.keys().size(); i++) {
      ColumnModel key = group.keys().get(i);
      keys.add(i == 0 ? "" : ",\n")
          .add("$T.key($S, $T.$L)", COLUMN, key.name(), FEATURE_TYPE, key.type().name());
    }

    CodeBlock.Builder features = CodeBlock.builder();
    for (int i = 0; i < group.features().size(); i++) {
      ColumnModel feature = group.features().get(i);
      features.add(i == 0 ? "" : ",\n");
      if (feature.description().isEmpty() && feature.tags().isEmpty()) {
        features.add(
            "$T.feature($S, $T.$L, $L)",
            COLUMN,
            feature.name(),
            FEATURE_TYPE,
            feature.type().name(),
            feature.nullable());
      } else {
        features.add(
            "new $T(\n$>$>$S,\n$T.$L,\n$T.FEATURE,\n$L,\n$S,\n$L)$<$<",
            COLUMN,
            feature.name(),
            FEATURE_TYPE,
            feature.type().name(),
            COLUMN_ROLE,
            feature.nullable(),
            feature.description(),
            strings(feature.tags()));
      }
    }

    CodeBlock ttl =
        group.ttl().isEmpty()
            ? CodeBlock.of("null")
            : CodeBlock.of("$T.parse($S)", DURATION, group.ttl());
    return MethodSpec.methodBuilder("groupSpec")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(GROUP_SPEC)
        .addCode(
            "return new $T(\n$>$>$S,\n$L,\n$S,\n$S,\n$L,\n$L,\n$L,\n$T.of("
                + (group.keys().size() == 1 ? "$L" : "\n$>$>$L$<$<")
                + "),\n$T.eventTime($S),\n$T.of("
                + (group.features().isEmpty() ? "$L" : "\n$>$>$L$<$<")
                + "));\n$<$<",
            GROUP_SPEC,
            group.name(),
            group.version(),
            group.description(),
            group.owner(),
            strings(group.tags()),
            ttl,
            group.online(),
            LIST,
            keys.build(),
            COLUMN,
            group.eventTime().name(),
            LIST,
            features.build())
        .build();
  }

  private MethodSpec toArrow() {
    NameAllocator names = names("rows", "allocator", "count", "batch", "vector", "row", "i", "e");
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("toArrow")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(VECTOR_SCHEMA_ROOT)
            .addParameter(ParameterizedTypeName.get(LIST, group.recordClass()), "rows")
            .addParameter(BUFFER_ALLOCATOR, "allocator")
            .addStatement("int count = rows.size()")
            .addStatement(
                "$T batch = $T.create(spec().schema(), allocator)",
                VECTOR_SCHEMA_ROOT,
                VECTOR_SCHEMA_ROOT)
            .beginControlFlow("try")
            .beginControlFlow("for ($T vector : batch.getFieldVectors())", FIELD_VECTOR)
            .addStatement("vector.setInitialCapacity(count)")
            .endControlFlow()
            .addCode("\n")
            .addStatement("batch.allocateNew()");
    for (int i = 0; i < columns.size(); i++) {
      ColumnModel column = columns.get(i);
      method.addStatement(
          "$T $N =$W($T) batch.getVector($L)",
          column.type().vector(),
          names.get(column),
          column.type().vector(),
          i);
    }

    method
        .beginControlFlow("for (int i = 0; i < count; i++)")
        .addStatement("$T row = rows.get(i)", group.recordClass());
    for (int i = 0; i < columns.size(); i++) {
      ColumnModel column = columns.get(i);
      method.addCode(write(column, names.get(column)));
      if (column.nullable() && i + 1 < columns.size()) {
        method.addCode("\n");
      }
    }

    return method
        .endControlFlow()
        .addCode("\n")
        .addStatement("batch.setRowCount(count)")
        .addStatement("return batch")
        .nextControlFlow("catch ($T e)", RuntimeException.class)
        .addStatement("batch.close()")
        .addStatement("throw e")
        .endControlFlow()
        .build();
  }

  /** Returns the statements that write one column of {@code row} at index {@code i}. */
  private CodeBlock write(ColumnModel column, String vector) {
    String accessor = "row." + column.accessor() + "()";
    if (!column.nullable()) {
      if (column.primitive()) {
        return CodeBlock.of("$N.setSafe($Zi, $L);\n", vector, encode(column.type(), accessor));
      }

      CodeBlock required = CodeBlock.of("required($L, $S, i)", accessor, column.name());
      return CodeBlock.of(
          "$N.setSafe($Zi, $L);\n", vector, encode(column.type(), required.toString()));
    }

    CodeBlock.Builder code =
        CodeBlock.builder()
            .beginControlFlow("if ($L == null)", accessor)
            .addStatement("$N.setNull(i)", vector)
            .nextControlFlow("else");
    switch (column.type()) {
      case FLOAT_ARRAY -> code.addStatement("setFloats($Z$N, i, $L)", vector, accessor);
      case STRING_LIST -> code.addStatement("setStrings($Z$N, i, $L)", vector, accessor);
      case LONG_LIST -> code.addStatement("setLongs($Z$N, i, $L)", vector, accessor);
      default -> code.addStatement("$N.setSafe($Zi, $L)", vector, encode(column.type(), accessor));
    }

    return code.endControlFlow().build();
  }

  /** Returns a non-null value as the vector's setter takes it. */
  private static CodeBlock encode(ColumnType type, String value) {
    return switch (type) {
      case BOOLEAN -> CodeBlock.of("$L ? 1 : 0", value);
      case STRING -> CodeBlock.of("$L.getBytes($T.UTF_8)", value, CHARSETS);
      case TIMESTAMP -> CodeBlock.of("micros($L)", value);
      case DATE -> CodeBlock.of("$T.toIntExact($L.toEpochDay())", Math.class, value);
      default -> CodeBlock.of("$L", value);
    };
  }

  private MethodSpec fromArrow() {
    NameAllocator names = names("batch", "count", "rows", "i");
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("fromArrow")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(ParameterizedTypeName.get(LIST, group.recordClass()))
            .addParameter(VECTOR_SCHEMA_ROOT, "batch");
    for (ColumnModel column : columns) {
      method.addStatement(
          "$T $N =$Wcolumn(batch, $S, $T.class)",
          column.type().vector(),
          names.get(column),
          column.name(),
          column.type().vector());
    }

    CodeBlock.Builder arguments = CodeBlock.builder();
    List<ColumnModel> components = group.components();
    for (int i = 0; i < components.size(); i++) {
      ColumnModel column = components.get(i);
      arguments.add(i == 0 ? "" : ",\n").add(read(column, names.get(column)));
    }

    return method
        .addCode("\n")
        .addStatement("int count = batch.getRowCount()")
        .addStatement(
            "$T rows = new $T<>(count)",
            ParameterizedTypeName.get(LIST, group.recordClass()),
            ARRAY_LIST)
        .beginControlFlow("for (int i = 0; i < count; i++)")
        .addCode(
            "rows.add(\n$>$>new $T(\n$>$>$L));\n$<$<$<$<", group.recordClass(), arguments.build())
        .endControlFlow()
        .addCode("\n")
        .addStatement("return rows")
        .build();
  }

  /** Returns the expression that reads one column of the row at index {@code i}. */
  private static CodeBlock read(ColumnModel column, String vector) {
    CodeBlock value =
        switch (column.type()) {
          case BOOLEAN -> CodeBlock.of("$N.get(i) != 0", vector);
          case STRING ->
              CodeBlock.of("new $T($N.get(i), $T.UTF_8)", String.class, vector, CHARSETS);
          case TIMESTAMP -> CodeBlock.of("instant($N.get(i))", vector);
          case DATE -> CodeBlock.of("$T.ofEpochDay($N.get(i))", LOCAL_DATE, vector);
          case FLOAT_ARRAY -> CodeBlock.of("floats($N, i)", vector);
          case STRING_LIST -> CodeBlock.of("strings($N, i)", vector);
          case LONG_LIST -> CodeBlock.of("longs($N, i)", vector);
          default -> CodeBlock.of("$N.get(i)", vector);
        };
    return column.nullable() ? CodeBlock.of("$N.isNull(i) ? null : $L", vector, value) : value;
  }

  private MethodSpec values() {
    CodeBlock values =
        columns.stream()
            .map(column -> CodeBlock.of("row.$L()", column.accessor()))
            .collect(CodeBlock.joining(",\n"));
    return MethodSpec.methodBuilder("values")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(ArrayTypeName.of(Object.class))
        .addParameter(group.recordClass(), "row")
        .addCode("return new Object[] {\n$>$L\n$<};\n", values)
        .build();
  }

  private MethodSpec fromValues() {
    CodeBlock.Builder arguments = CodeBlock.builder();
    List<ColumnModel> components = group.components();
    for (int i = 0; i < components.size(); i++) {
      ColumnModel column = components.get(i);
      arguments
          .add(i == 0 ? "" : ",\n")
          .add("($T) values[$L]", column.type().boxedType(), columns.indexOf(column));
    }

    MethodSpec.Builder method =
        MethodSpec.methodBuilder("fromValues")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(group.recordClass())
            .addParameter(ArrayTypeName.of(Object.class), "values");
    if (types.contains(ColumnType.STRING_LIST) || types.contains(ColumnType.LONG_LIST)) {
      method.addAnnotation(
          AnnotationSpec.builder(SuppressWarnings.class)
              .addMember("value", "$S", "unchecked")
              .build());
      method.addComment("A list's element type cannot be checked at run time.");
    }

    return method
        .beginControlFlow("if (values.length != $L)", columns.size())
        .addStatement(
            "throw new $T(\n$S\n$>$>+ values.length\n+ $S$<$<)",
            IllegalArgumentException.class,
            "Cannot create " + group.recordClass().simpleName() + " from ",
            " values: feature group " + group.name() + " has " + columns.size() + " columns")
        .endControlFlow()
        .addCode("\n")
        .addCode("return new $T(\n$>$>$L);\n$<$<", group.recordClass(), arguments.build())
        .build();
  }

  private MethodSpec key() {
    CodeBlock parts =
        group.keys().stream()
            .map(key -> CodeBlock.of("row.$L()", key.accessor()))
            .collect(CodeBlock.joining(", "));
    return MethodSpec.methodBuilder("key")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(ENTITY_KEY)
        .addParameter(group.recordClass(), "row")
        .addStatement("return $T.of($L)", ENTITY_KEY, parts)
        .build();
  }

  private MethodSpec column() {
    TypeVariableName v = TypeVariableName.get("V", FIELD_VECTOR);
    return MethodSpec.methodBuilder("column")
        .addJavadoc(
            "Returns a column of a batch, checking that its type is the group's and that it holds\n"
                + "no nulls if it must not.\n")
        .addModifiers(Modifier.PRIVATE)
        .addTypeVariable(v)
        .returns(v)
        .addParameter(VECTOR_SCHEMA_ROOT, "batch")
        .addParameter(STRING, "name")
        .addParameter(ParameterizedTypeName.get(ClassName.get(Class.class), v), "type")
        .addStatement("$T column = spec().column(name).orElseThrow()", COLUMN)
        .addStatement("$T vector = batch.getVector(name)", FIELD_VECTOR)
        .beginControlFlow("if (vector == null)")
        .addStatement(
            "throw new $T(\n$S\n$>$>+ this\n+ $S\n+ name\n+ $S$<$<)",
            IllegalArgumentException.class,
            "Cannot read feature group ",
            " from Arrow: the batch has no column '",
            "'")
        .endControlFlow()
        .addCode("\n")
        .beginControlFlow(
            "if (!type.isInstance(vector) || $T.of(vector.getField()) != column.type())",
            FEATURE_TYPE)
        .addStatement(
            "throw new $T(\n$S\n$>$>+ this\n+ $S\n+ name\n+ $S\n+ vector.getField()\n"
                + "+ $S\n+ column.type()$<$<)",
            IllegalArgumentException.class,
            "Cannot read feature group ",
            " from Arrow: column '",
            "' is ",
            ", not ")
        .endControlFlow()
        .addCode("\n")
        .beginControlFlow("if (!column.nullable() && vector.getNullCount() > 0)")
        .addStatement(
            "throw new $T(\n$S\n$>$>+ this\n+ $S\n+ name\n+ $S\n+ vector.getNullCount()\n"
                + "+ $S$<$<)",
            IllegalArgumentException.class,
            "Cannot read feature group ",
            " from Arrow: column '",
            "' holds ",
            " nulls, but it is a key, the event time or a primitive feature")
        .endControlFlow()
        .addCode("\n")
        .addStatement("return type.cast(vector)")
        .build();
  }

  private MethodSpec required() {
    TypeVariableName t = TypeVariableName.get("T");
    return MethodSpec.methodBuilder("required")
        .addJavadoc("Returns a key or event time value, which must not be null.\n")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addTypeVariable(t)
        .returns(t)
        .addParameter(t, "value")
        .addParameter(STRING, "column")
        .addParameter(TypeName.INT, "row")
        .beginControlFlow("if (value == null)")
        .addStatement(
            "throw new $T(\n$S\n$>$>+ row\n+ $S\n+ column\n+ $S$<$<)",
            NullPointerException.class,
            "Cannot convert row ",
            " of feature group " + group.name() + " to Arrow: its column '",
            "' is a key or the event time, and must not be null")
        .endControlFlow()
        .addCode("\n")
        .addStatement("return value")
        .build();
  }

  private static MethodSpec micros() {
    return MethodSpec.methodBuilder("micros")
        .addJavadoc(
            "Returns an instant in microseconds since the epoch, dropping any finer part.\n")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(TypeName.LONG)
        .addParameter(INSTANT, "instant")
        .addStatement("long seconds = instant.getEpochSecond()")
        .addStatement(
            "return $T.addExact($T.multiplyExact(seconds, 1_000_000L), instant.getNano() / 1_000)",
            Math.class,
            Math.class)
        .build();
  }

  private static MethodSpec instant() {
    return MethodSpec.methodBuilder("instant")
        .addJavadoc("Returns the instant of a count of microseconds since the epoch.\n")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(INSTANT)
        .addParameter(TypeName.LONG, "micros")
        .addStatement("long seconds = $T.floorDiv(micros, 1_000_000L)", Math.class)
        .addStatement(
            "return $T.ofEpochSecond(seconds, $T.floorMod(micros, 1_000_000L) * 1_000L)",
            INSTANT,
            Math.class)
        .build();
  }

  private static MethodSpec setFloats() {
    return listWriter("setFloats", ArrayTypeName.of(TypeName.FLOAT), FLOAT4_VECTOR)
        .addStatement("int start = vector.startNewValue(row)")
        .beginControlFlow("for (int i = 0; i < values.length; i++)")
        .addStatement("elements.setSafe(start + i, values[i])")
        .endControlFlow()
        .addCode("\n")
        .addStatement("vector.endValue(row, values.length)")
        .build();
  }

  // Limitation: a float[] cannot hold a null element, so reading a list of Float4 that has one
  // fails in Arrow's getter; lists of strings and longs keep their null elements.
  private static MethodSpec floats() {
    return listReader("floats", ArrayTypeName.of(TypeName.FLOAT), FLOAT4_VECTOR)
        .addStatement("float[] values = new float[vector.getElementEndIndex(row) - start]")
        .beginControlFlow("for (int i = 0; i < values.length; i++)")
        .addStatement("values[i] = elements.get(start + i)")
        .endControlFlow()
        .addCode("\n")
        .addStatement("return values")
        .build();
  }

  private static MethodSpec setStrings() {
    return listWriter("setStrings", ParameterizedTypeName.get(LIST, STRING), VARCHAR_VECTOR)
        .addStatement("int index = vector.startNewValue(row)")
        .beginControlFlow("for ($T value : values)", String.class)
        .beginControlFlow("if (value == null)")
        .addStatement("elements.setNull(index)")
        .nextControlFlow("else")
        .addStatement("elements.setSafe(index, value.getBytes($T.UTF_8))", CHARSETS)
        .endControlFlow()
        .addCode("\n")
        .addStatement("index++")
        .endControlFlow()
        .addCode("\n")
        .addStatement("vector.endValue(row, values.size())")
        .build();
  }

  private static MethodSpec strings() {
    return listReader("strings", ParameterizedTypeName.get(LIST, STRING), VARCHAR_VECTOR)
        .addStatement("String[] values = new String[vector.getElementEndIndex(row) - start]")
        .beginControlFlow("for (int i = 0; i < values.length; i++)")
        .addStatement(
            "values[i] =\n$>$>elements.isNull(start + i)\n? null\n: new String(elements.get(start"
                + " + i), $T.UTF_8)$<$<",
            CHARSETS)
        .endControlFlow()
        .addCode("\n")
        .addStatement("return $T.asList(values)", ARRAYS)
        .build();
  }

  private static MethodSpec setLongs() {
    return listWriter(
            "setLongs", ParameterizedTypeName.get(LIST, ClassName.get(Long.class)), BIGINT_VECTOR)
        .addStatement("int index = vector.startNewValue(row)")
        .beginControlFlow("for ($T value : values)", Long.class)
        .beginControlFlow("if (value == null)")
        .addStatement("elements.setNull(index)")
        .nextControlFlow("else")
        .addStatement("elements.setSafe(index, value)")
        .endControlFlow()
        .addCode("\n")
        .addStatement("index++")
        .endControlFlow()
        .addCode("\n")
        .addStatement("vector.endValue(row, values.size())")
        .build();
  }

  private static MethodSpec longs() {
    return listReader(
            "longs", ParameterizedTypeName.get(LIST, ClassName.get(Long.class)), BIGINT_VECTOR)
        .addStatement("Long[] values = new Long[vector.getElementEndIndex(row) - start]")
        .beginControlFlow("for (int i = 0; i < values.length; i++)")
        .addStatement("values[i] = elements.isNull(start + i) ? null : elements.get(start + i)")
        .endControlFlow()
        .addCode("\n")
        .addStatement("return $T.asList(values)", ARRAYS)
        .build();
  }

  private static MethodSpec.Builder listWriter(String name, TypeName values, ClassName elements) {
    return MethodSpec.methodBuilder(name)
        .addJavadoc("Writes a non-null list at a row of a list vector.\n")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(LIST_VECTOR, "vector")
        .addParameter(TypeName.INT, "row")
        .addParameter(values, "values")
        .addStatement("$T elements = ($T) vector.getDataVector()", elements, elements);
  }

  private static MethodSpec.Builder listReader(String name, TypeName values, ClassName elements) {
    return MethodSpec.methodBuilder(name)
        .addJavadoc("Reads the non-null list at a row of a list vector.\n")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(values)
        .addParameter(LIST_VECTOR, "vector")
        .addParameter(TypeName.INT, "row")
        .addStatement("$T elements = ($T) vector.getDataVector()", elements, elements)
        .addStatement("int start = vector.getElementStartIndex(row)");
  }

  /** Returns local names for the columns' vectors that clash with none of the given names. */
  private NameAllocator names(String... taken) {
    NameAllocator names = new NameAllocator();
    for (String name : taken) {
      names.newName(name);
    }

    for (ColumnModel column : columns) {
      names.newName(column.accessor(), column);
    }

    return names;
  }

  private static CodeBlock strings(List<String> values) {
    return CodeBlock.of(
        "$T.of($L)",
        LIST,
        values.stream().map(value -> CodeBlock.of("$S", value)).collect(CodeBlock.joining(", ")));
  }
}
