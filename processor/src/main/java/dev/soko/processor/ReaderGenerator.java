package dev.soko.processor;

import static dev.soko.processor.Types.ARRAY_LIST;
import static dev.soko.processor.Types.COLLECTION;
import static dev.soko.processor.Types.ENTITY_KEY;
import static dev.soko.processor.Types.FEATURE_STORE;
import static dev.soko.processor.Types.INSTANT;
import static dev.soko.processor.Types.LINKED_HASH_MAP;
import static dev.soko.processor.Types.LIST;
import static dev.soko.processor.Types.MAP;
import static dev.soko.processor.Types.OBJECTS;
import static dev.soko.processor.Types.OPTIONAL;
import static dev.soko.processor.Types.TIME_RANGE;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Generates {@code <Record>Reader}: typed online and offline reads through a feature store. */
final class ReaderGenerator {

  private final GroupModel group;
  private final ClassName self;
  private final List<ColumnModel> keys;

  ReaderGenerator(GroupModel group) {
    this.group = group;
    this.self = group.readerClass();
    this.keys = group.keys();
  }

  TypeSpec generate(TypeSpec.Builder type) {
    type.addJavadoc(
            "$L\n",
            Javadoc.wrap(
                "Reads {@link "
                    + String.join(".", group.recordClass().simpleNames())
                    + "} rows of feature group {@code "
                    + group.name()
                    + "}, version "
                    + group.version()
                    + ": the latest online values by key, and the offline history.",
                0))
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addField(FEATURE_STORE, "store", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(Types.storeConstructor(self))
        .addMethod(Types.storeFactory(self, "Returns a reader of the given store."))
        .addMethod(latestOne())
        .addMethod(latestMany())
        .addMethod(history())
        .addMethod(asOf());
    if (keys.size() > 1) {
      type.addType(keyRecord());
    }

    return type.build();
  }

  private MethodSpec latestOne() {
    NameAllocator names = new NameAllocator();
    names.newName("store");
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("latest")
            .addJavadoc(
                "Returns the online value of one key, if online is on for the group and a value\n"
                    + "within the TTL exists.\n\n");
    for (ColumnModel key : keys) {
      String name = names.newName(key.accessor(), key);
      method
          .addJavadoc("@param $L the key column {@code $L}\n", name, key.name())
          .addParameter(key.type().javaType(), name);
    }

    CodeBlock parts =
        keys.stream()
            .map(key -> CodeBlock.of("$N", names.get(key)))
            .collect(CodeBlock.joining(", "));
    return method
        .addJavadoc("@return the latest value, or empty if there is none\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(OPTIONAL, group.recordClass()))
        .addStatement(
            "return store.latest($T.DEFINITION, $T.of($L))", group.groupClass(), ENTITY_KEY, parts)
        .build();
  }

  private MethodSpec latestMany() {
    TypeName keyType = keys.size() == 1 ? keys.get(0).type().boxedType() : self.nestedClass("Key");
    NameAllocator names = new NameAllocator();
    names.newName("store");
    String param = names.newName(keys.size() == 1 ? keys.get(0).accessor() + "s" : "keys");
    String item = names.newName(keys.size() == 1 ? keys.get(0).accessor() : "key");
    String entityKeys = names.newName("entityKeys");
    String found = names.newName("found");
    String rows = names.newName("rows");
    String row = names.newName("row");
    CodeBlock entityKey =
        keys.size() == 1
            ? CodeBlock.of("$T.of($N)", ENTITY_KEY, item)
            : CodeBlock.of(
                "$T.of($L)",
                ENTITY_KEY,
                keys.stream()
                    .map(key -> CodeBlock.of("$N.$L()", item, key.accessor()))
                    .collect(CodeBlock.joining(", ")));
    TypeName recordType = group.recordClass();
    return MethodSpec.methodBuilder("latest")
        .addJavadoc(
            "Returns the online values of many keys, in the order given, leaving out the keys\n"
                + "that have no value.\n\n"
                + "@param $N the keys to look up\n"
                + "@return the latest value of each key that has one\n",
            param)
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(MAP, keyType, recordType))
        .addParameter(
            ParameterSpec.builder(ParameterizedTypeName.get(COLLECTION, keyType), param).build())
        .addStatement(
            "$T.requireNonNull($N, $S)",
            OBJECTS,
            param,
            "Cannot read the latest values of group '"
                + group.name()
                + "': the collection of keys is null; give one, or List.of() for none")
        .addStatement(
            "$T $N = new $T<>($N.size())",
            ParameterizedTypeName.get(LIST, ENTITY_KEY),
            entityKeys,
            ARRAY_LIST,
            param)
        .beginControlFlow("for ($T $N : $N)", keyType, item, param)
        .addStatement("$N.add($L)", entityKeys, entityKey)
        .endControlFlow()
        .addCode("\n")
        .addStatement(
            "$T $N = store.latest($T.DEFINITION, $N)",
            ParameterizedTypeName.get(MAP, ENTITY_KEY, recordType),
            found,
            group.groupClass(),
            entityKeys)
        .addStatement(
            "$T $N = new $T<>()",
            ParameterizedTypeName.get(MAP, keyType, recordType),
            rows,
            LINKED_HASH_MAP)
        .beginControlFlow("for ($T $N : $N)", keyType, item, param)
        .addStatement("$T $N = $N.get($L)", recordType, row, found, entityKey)
        .beginControlFlow("if ($N != null)", row)
        .addStatement("$N.put($N, $N)", rows, item, row)
        .endControlFlow()
        .endControlFlow()
        .addCode("\n")
        .addStatement("return $N", rows)
        .build();
  }

  private MethodSpec history() {
    return MethodSpec.methodBuilder("history")
        .addJavadoc(
            "Returns the offline history in a range of event times, one row per key and event\n"
                + "time, ordered by key then event time.\n\n"
                + "@param range the event times to read\n"
                + "@return the rows in the range\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(LIST, group.recordClass()))
        .addParameter(TIME_RANGE, "range")
        .addStatement("return store.history($T.DEFINITION, range)", group.groupClass())
        .build();
  }

  private MethodSpec asOf() {
    return MethodSpec.methodBuilder("asOf")
        .addJavadoc(
            "Returns, for each key, the offline row in force at an instant: the one with the\n"
                + "latest event time at or before it, within the TTL.\n\n"
                + "@param instant the instant to read at\n"
                + "@return one row per key that has a value then\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(LIST, group.recordClass()))
        .addParameter(INSTANT, "instant")
        .addStatement("return store.asOf($T.DEFINITION, instant)", group.groupClass())
        .build();
  }

  private TypeSpec keyRecord() {
    MethodSpec.Builder components = MethodSpec.constructorBuilder();
    TypeSpec.Builder record =
        TypeSpec.recordBuilder("Key")
            .addJavadoc("A key of feature group {@code $L}, its parts in order.\n\n", group.name())
            .addModifiers(Modifier.PUBLIC);
    for (ColumnModel key : keys) {
      components.addParameter(key.type().javaType(), key.accessor());
      record.addJavadoc("@param $L the key column {@code $L}\n", key.accessor(), key.name());
    }

    return record.recordConstructor(components.build()).build();
  }
}
