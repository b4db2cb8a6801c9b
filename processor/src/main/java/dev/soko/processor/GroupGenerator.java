package dev.soko.processor;

import static dev.soko.processor.Types.ARRAY_LIST;
import static dev.soko.processor.Types.ARROW_VALUES;
import static dev.soko.processor.Types.BUFFER_ALLOCATOR;
import static dev.soko.processor.Types.CHARSETS;
import static dev.soko.processor.Types.COLUMN;
import static dev.soko.processor.Types.COLUMN_ROLE;
import static dev.soko.processor.Types.DURATION;
import static dev.soko.processor.Types.ENTITY_KEY;
import static dev.soko.processor.Types.FEATURE_REF;
import static dev.soko.processor.Types.FEATURE_TYPE;
import static dev.soko.processor.Types.FIELD_VECTOR;
import static dev.soko.processor.Types.GROUP_CONVERTERS;
import static dev.soko.processor.Types.GROUP_DEFINITION;
import static dev.soko.processor.Types.GROUP_SPEC;
import static dev.soko.processor.Types.LIST;
import static dev.soko.processor.Types.LOCAL_DATE;
import static dev.soko.processor.Types.VECTOR_SCHEMA_ROOT;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
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
            .addStatement("$T.checkToArrow(this, rows, allocator)", GROUP_CONVERTERS)
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
        .addStatement("$T row = rows.get(i)", group.recordClass())
        .addStatement("$T.checkRow(row, this, i)", GROUP_CONVERTERS);
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

      return CodeBlock.builder()
          .addStatement(
              "$T.checkRequired($L, this, $S, i)", GROUP_CONVERTERS, accessor, column.name())
          .addStatement("$N.setSafe($Zi, $L)", vector, encode(column.type(), accessor))
          .build();
    }

    CodeBlock.Builder code =
        CodeBlock.builder()
            .beginControlFlow("if ($L == null)", accessor)
            .addStatement("$N.setNull(i)", vector)
            .nextControlFlow("else");
    switch (column.type()) {
      case FLOAT_ARRAY ->
          code.addStatement("$T.setFloats($Z$N, i, $L)", ARROW_VALUES, vector, accessor);
      case STRING_LIST ->
          code.addStatement("$T.setStrings($Z$N, i, $L)", ARROW_VALUES, vector, accessor);
      case LONG_LIST ->
          code.addStatement("$T.setLongs($Z$N, i, $L)", ARROW_VALUES, vector, accessor);
      default -> code.addStatement("$N.setSafe($Zi, $L)", vector, encode(column.type(), accessor));
    }

    return code.endControlFlow().build();
  }

  /** Returns a non-null value as the vector's setter takes it. */
  private static CodeBlock encode(ColumnType type, String value) {
    return switch (type) {
      case BOOLEAN -> CodeBlock.of("$L ? 1 : 0", value);
      case STRING -> CodeBlock.of("$L.getBytes($T.UTF_8)", value, CHARSETS);
      case TIMESTAMP -> CodeBlock.of("$T.micros($L)", ARROW_VALUES, value);
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
            .addParameter(VECTOR_SCHEMA_ROOT, "batch")
            .addStatement("$T.checkFromArrow(this, batch)", GROUP_CONVERTERS);
    for (ColumnModel column : columns) {
      method.addStatement(
          "$T $N =$W$T.column(this, batch, $S, $T.class)",
          column.type().vector(),
          names.get(column),
          GROUP_CONVERTERS,
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
          case TIMESTAMP -> CodeBlock.of("$T.instant($N.get(i))", ARROW_VALUES, vector);
          case DATE -> CodeBlock.of("$T.ofEpochDay($N.get(i))", LOCAL_DATE, vector);
          case FLOAT_ARRAY -> CodeBlock.of("$T.floats($N, i)", ARROW_VALUES, vector);
          case STRING_LIST -> CodeBlock.of("$T.strings($N, i)", ARROW_VALUES, vector);
          case LONG_LIST -> CodeBlock.of("$T.longs($N, i)", ARROW_VALUES, vector);
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
