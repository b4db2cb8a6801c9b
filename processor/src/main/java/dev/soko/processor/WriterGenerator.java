package dev.soko.processor;

import static dev.soko.processor.Types.FEATURE_STORE;
import static dev.soko.processor.Types.LIST;
import static dev.soko.processor.Types.TIME_RANGE;
import static dev.soko.processor.Types.WRITE_RESULT;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;

/** Generates {@code <Record>Writer}: typed writes and backfills through a feature store. */
final class WriterGenerator {

  private final GroupModel group;

  WriterGenerator(GroupModel group) {
    this.group = group;
  }

  TypeSpec generate(TypeSpec.Builder type) {
    ClassName self = group.writerClass();
    TypeName rows = ParameterizedTypeName.get(LIST, group.recordClass());
    return type.addJavadoc(
            "$L\n",
            Javadoc.wrap(
                "Writes {@link "
                    + String.join(".", group.recordClass().simpleNames())
                    + "} rows to feature group {@code "
                    + group.name()
                    + "}, version "
                    + group.version()
                    + ".",
                0))
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addField(FEATURE_STORE, "store", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(Types.storeConstructor(self))
        .addMethod(Types.storeFactory(self, "Returns a writer to the given store."))
        .addMethod(
            MethodSpec.methodBuilder("write")
                .addJavadoc(
                    "Appends rows to the group's offline history, and to its online store when\n"
                        + "online is on. In one call, the last of several rows with the same keys\n"
                        + "and event time wins.\n"
                        + "\n"
                        + "@param rows the rows to append\n"
                        + "@return what the store did\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(WRITE_RESULT)
                .addParameter(rows, "rows")
                .addStatement("return store.write($T.DEFINITION, rows)", group.groupClass())
                .build())
        .addMethod(
            MethodSpec.methodBuilder("backfill")
                .addJavadoc(
                    "Replaces, in one atomic step, every offline row of the group whose event time\n"
                        + "is in the range with the given rows. The online store is not touched.\n"
                        + "\n"
                        + "@param range the event times to replace\n"
                        + "@param rows the rows that replace them, all with an event time in the range\n"
                        + "@return what the store did\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(WRITE_RESULT)
                .addParameter(TIME_RANGE, "range")
                .addParameter(rows, "rows")
                .addStatement(
                    "return store.backfill($T.DEFINITION, range, rows)", group.groupClass())
                .build())
        .build();
  }
}
