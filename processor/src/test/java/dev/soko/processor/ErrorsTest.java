package dev.soko.processor;

import static dev.soko.processor.Compilations.compile;
import static dev.soko.processor.Compilations.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each mistake in a feature group declaration gives exactly one compile error, on the offending
 * line, worded with the fix; and an invalid record generates nothing.
 */
class ErrorsTest {

  private static final String IMPORTS =
      "import dev.soko.annotations.*; import java.time.Instant; import java.util.*;";

  @Test
  void notARecord() {
    Compilation compilation =
        compile(
            source(
                "test.Clicks",
                "package test;",
                IMPORTS,
                "@FeatureGroup",
                "public class Clicks {}"));

    assertOnlyError(
        compilation,
        "test/Clicks.java",
        3,
        "Feature group Clicks must be a record: declare it as 'record Clicks(...)' with its keys,"
            + " event time and features as components");
  }

  @Test
  void noKey() {
    Compilation compilation =
        compile(
            source(
                "test.Clicks",
                "package test;",
                IMPORTS,
                "@FeatureGroup",
                "public record Clicks(",
                "    String userId,",
                "    @EventTime Instant at,",
                "    long clicks) {}"));

    assertOnlyError(
        compilation,
        "test/Clicks.java",
        3,
        "Feature group Clicks must have at least one @Key component: annotate the String, int or"
            + " long component that identifies an entity with @Key");
  }

  @Test
  void keyOfAnUnsupportedType() {
    Compilation compilation =
        compile(
            source(
                "test.Clicks",
                "package test;",
                IMPORTS,
                "@FeatureGroup",
                "public record Clicks(",
                "    @Key double userId,",
                "    @EventTime Instant at,",
                "    long clicks) {}"));

    assertOnlyError(
        compilation,
        "test/Clicks.java",
        5,
        "Key userId cannot be of type double: a key must be a String, int, long, Integer or Long;"
            + " change its type");
  }

  @Test
  void noEventTime() {
    Compilation compilation =
        compile(
            source(
                "test.Clicks",
                "package test;",
                IMPORTS,
                "@FeatureGroup",
                "public record Clicks(",
                "    @Key String userId,",
                "    Instant at,",
                "    long clicks) {}"));

    assertOnlyError(
        compilation,
        "test/Clicks.java",
        3,
        "Feature group Clicks must have an @EventTime component: add an Instant component annotated"
            + " with @EventTime");
  }

  @Test
  void severalEventTimes() {
    Compilation compilation =
        compile(
            source(
                "test.Clicks",
                "package test;",
                IMPORTS,
                "@FeatureGroup",
                "public record Clicks(",
                "    @Key String userId,",
                "    @EventTime Instant at,",
                "    @EventTime Instant updatedAt,",
                "    long clicks) {}"));

    assertOnlyError(
        compilation,
        "test/Clicks.java",
        7,
        "Event time updatedAt must not be a second @EventTime, after at: a feature group has"
            + " exactly one event time; remove one of the two @EventTime annotations");
  }

  @Test
  void eventTimeThatIsNotAnInstant() {
    Compilation compilation =
        compile(
            source(
                "test.Clicks",
                "package test;",
                IMPORTS,
                "@FeatureGroup",
                "public record Clicks(",
                "    @Key String userId,",
                "    @EventTime long at,",
                "    long clicks) {}"));

    assertOnlyError(
        compilation,
        "test/Clicks.java",
        6,
        "Event time at must be an Instant, not long: change its type to java.time.Instant");
  }

  @Test
  void featureOfAnUnsupportedType() {
    Compilation compilation =
        compile(
            source(
                "test.Clicks",
                "package test;",
                IMPORTS,
                "@FeatureGroup",
                "public record Clicks(",
                "    @Key String userId,",
                "    @EventTime Instant at,",
                "    Set<String> topics) {}"));

    assertOnlyError(
        compilation,
        "test/Clicks.java",
        7,
        "Feature topics cannot be of type Set<String>: a feature must be a boolean, int, long,"
            + " float, double, String, Instant, LocalDate, byte[], float[], List<String> or"
            + " List<Long> (boxed primitives allowed)");
  }

  @Test
  void listOfAnUnsupportedElementType() {
    Compilation compilation =
        compile(
            source(
                "test.Clicks",
                "package test;",
                IMPORTS,
                "@FeatureGroup",
                "public record Clicks(",
                "    @Key String userId,",
                "    @EventTime Instant at,",
                "    @Feature(description = \"Scores.\") List<Double> scores) {}"));

    assertOnlyError(
        compilation,
        "test/Clicks.java",
        7,
        "Feature scores cannot be of type List<Double>: a feature must be a boolean, int, long,"
            + " float, double, String, Instant, LocalDate, byte[], float[], List<String> or"
            + " List<Long> (boxed primitives allowed)");
  }

  @Test
  void badGroupName() {
    Compilation compilation =
        compile(
            source(
                "test.Clicks",
                "package test;",
                IMPORTS,
                "@FeatureGroup(",
                "    name = \"Daily-Clicks\")",
                "public record Clicks(@Key String userId, @EventTime Instant at, long clicks) {}"));

    assertOnlyError(
        compilation,
        "test/Clicks.java",
        4,
        "Group name 'Daily-Clicks' is invalid: use lower case letters, digits and underscores,"
            + " starting with a letter, at most 63 characters, in @FeatureGroup(name = ...)");
  }

  @Test
  void groupNameTooLong() {
    String name = "a".repeat(64);
    Compilation compilation =
        compile(
            source(
                "test.Clicks",
                "package test;",
                IMPORTS,
                "@FeatureGroup(name = \"" + name + "\")",
                "public record Clicks(@Key String userId, @EventTime Instant at, long clicks) {}"));

    assertOnlyError(
        compilation,
        "test/Clicks.java",
        3,
        "Group name '"
            + name
            + "' is invalid: use lower case letters, digits and underscores, starting with a"
            + " letter, at most 63 characters, in @FeatureGroup(name = ...)");
  }

  @Test
  void badColumnName() {
    Compilation compilation =
        compile(
            source(
                "test.Clicks",
                "package test;",
                IMPORTS,
                "@FeatureGroup",
                "public record Clicks(",
                "    @Key String userId,",
                "    @EventTime Instant at,",
                "    @Feature(name = \"7d_clicks\") long clicks) {}"));

    assertOnlyError(
        compilation,
        "test/Clicks.java",
        7,
        "Column name '7d_clicks' of clicks is invalid: use lower case letters, digits and"
            + " underscores, starting with a letter, at most 63 characters, in @Feature(name ="
            + " ...)");
  }

  @Test
  void groupNameStartingWithUnderscore() {
    Compilation compilation =
        compile(
            source(
                "test.Clicks",
                "package test;",
                IMPORTS,
                "@FeatureGroup(name = \"_clicks\")",
                "public record Clicks(@Key String userId, @EventTime Instant at, long clicks) {}"));

    assertOnlyError(
        compilation,
        "test/Clicks.java",
        3,
        "Group name '_clicks' must not start with '_', which is reserved for the store: start it"
            + " with a letter");
  }

  @Test
  void columnNamedRowid() {
    Compilation compilation =
        compile(
            source(
                "test.Clicks",
                "package test;",
                IMPORTS,
                "@FeatureGroup",
                "public record Clicks(",
                "    @Key String userId,",
                "    @EventTime Instant at,",
                "    long rowid) {}"));

    assertOnlyError(
        compilation,
        "test/Clicks.java",
        7,
        "Column name 'rowid' of rowid is reserved: SQL engines such as DuckDB give every table a"
            + " rowid column of their own; choose another name with @Feature(name = ...)");
  }

  @Test
  void columnNameStartingWithUnderscore() {
    Compilation compilation =
        compile(
            source(
                "test.Clicks",
                "package test;",
                IMPORTS,
                "@FeatureGroup",
                "public record Clicks(",
                "    @Key String userId,",
                "    @EventTime(name = \"_ingested_at\") Instant at,",
                "    long clicks) {}"));

    assertOnlyError(
        compilation,
        "test/Clicks.java",
        6,
        "Column name '_ingested_at' of at must not start with '_', which is reserved for the"
            + " store: choose another name with @EventTime(name = ...)");
  }

  @Test
  void twoColumnsWithTheSameNameAfterSnakeCase() {
    Compilation compilation =
        compile(
            source(
                "test.Clicks",
                "package test;",
                IMPORTS,
                "@FeatureGroup",
                "public record Clicks(",
                "    @Key String userId,",
                "    @EventTime Instant at,",
                "    String userID) {}"));

    assertOnlyError(
        compilation,
        "test/Clicks.java",
        7,
        "Column name 'user_id' of userID is already the column name of userId: give one of them"
            + " another name with @Feature(name = ...)");
  }

  @Test
  void ttlThatIsNotAnIsoDuration() {
    Compilation compilation =
        compile(
            source(
                "test.Clicks",
                "package test;",
                IMPORTS,
                "@FeatureGroup(",
                "    ttl = \"7 days\")",
                "public record Clicks(@Key String userId, @EventTime Instant at, long clicks) {}"));

    assertOnlyError(
        compilation,
        "test/Clicks.java",
        4,
        "TTL '7 days' is not an ISO-8601 duration: write it like \"P7D\" or \"PT12H\", or leave"
            + " it empty for values that never expire");
  }

  @Test
  void ttlThatIsNotPositive() {
    Compilation compilation =
        compile(
            source(
                "test.Clicks",
                "package test;",
                IMPORTS,
                "@FeatureGroup(ttl = \"PT0S\")",
                "public record Clicks(@Key String userId, @EventTime Instant at, long clicks) {}"));

    assertOnlyError(
        compilation,
        "test/Clicks.java",
        3,
        "TTL 'PT0S' must be positive: give a longer duration, or leave it empty for values that"
            + " never expire");
  }

  @Test
  void versionBelowOne() {
    Compilation compilation =
        compile(
            source(
                "test.Clicks",
                "package test;",
                IMPORTS,
                "@FeatureGroup(",
                "    version = 0)",
                "public record Clicks(@Key String userId, @EventTime Instant at, long clicks) {}"));

    assertOnlyError(
        compilation, "test/Clicks.java", 4, "Version 0 must be at least 1: versions start at 1");
  }

  @Test
  void sameGroupNameAndVersionTwice() {
    Compilation compilation =
        compile(
            source(
                "test.Clicks",
                "package test;",
                IMPORTS,
                "@FeatureGroup(name = \"clicks\")",
                "public record Clicks(@Key String userId, @EventTime Instant at, long clicks) {}"),
            source(
                "test.more.OtherClicks",
                "package test.more;",
                IMPORTS,
                "",
                "@FeatureGroup(",
                "    name = \"clicks\")",
                "public record OtherClicks(@Key String id, @EventTime Instant at, int n) {}"));

    assertThat(compilation.errors()).hasSize(1);
    Diagnostic<? extends JavaFileObject> error = compilation.errors().get(0);
    assertThat(error.getMessage(Locale.ROOT))
        .isEqualTo(
            "Feature group 'clicks' version 1 is already declared by test.Clicks: give this group"
                + " another name, or raise its version");
    assertThat(error.getSource().getName()).endsWith("test/more/OtherClicks.java");
    assertThat(error.getLineNumber()).isEqualTo(5);
  }

  @Test
  void featureOnAKey() {
    Compilation compilation =
        compile(
            source(
                "test.Clicks",
                "package test;",
                IMPORTS,
                "@FeatureGroup",
                "public record Clicks(",
                "    @Key @Feature(description = \"The user.\") String userId,",
                "    @EventTime Instant at,",
                "    long clicks) {}"));

    assertOnlyError(
        compilation,
        "test/Clicks.java",
        5,
        "Key userId must not carry @Feature, which is for features only: to rename its column,"
            + " use @Key(name = ...)");
  }

  @Test
  void featureOnTheEventTime() {
    Compilation compilation =
        compile(
            source(
                "test.Clicks",
                "package test;",
                IMPORTS,
                "@FeatureGroup",
                "public record Clicks(",
                "    @Key String userId,",
                "    @EventTime",
                "    @Feature(name = \"seen_at\") Instant at,",
                "    long clicks) {}"));

    assertOnlyError(
        compilation,
        "test/Clicks.java",
        7,
        "Event time at must not carry @Feature, which is for features only: to rename its"
            + " column, use @EventTime(name = ...)");
  }

  @Test
  void featureWhoseConstantWouldHideDefinition() {
    Compilation compilation =
        compile(
            source(
                "test.Words",
                "package test;",
                IMPORTS,
                "@FeatureGroup",
                "public record Words(",
                "    @Key String word,",
                "    @EventTime Instant at,",
                "    String definition) {}"));

    assertOnlyError(
        compilation,
        "test/Words.java",
        7,
        "Column name 'definition' of definition cannot be used: its constant would hide the"
            + " generated DEFINITION; choose another name with @Feature(name = ...)");
  }

  @Test
  void invalidRecordGeneratesNothingWhileAValidOneBesideItDoes(@TempDir Path output) {
    List<String> generated =
        Compilations.generatedFiles(
            output,
            source(
                "test.Clicks",
                "package test;",
                IMPORTS,
                "@FeatureGroup",
                "public record Clicks(@Key String userId, @EventTime long at, long clicks) {}"),
            source(
                "test.Views",
                "package test;",
                IMPORTS,
                "@FeatureGroup",
                "public record Views(@Key String userId, @EventTime Instant at, long views) {}"));

    assertThat(generated)
        .containsExactly(
            "classes/META-INF/services/dev.soko.GroupDefinition",
            "classes/META-INF/soko/views.v1.json",
            "sources/test/ViewsGroup.java",
            "sources/test/ViewsReader.java",
            "sources/test/ViewsWriter.java");
  }

  private static void assertOnlyError(
      Compilation compilation, String file, long line, String message) {
    assertThat(compilation.status()).isEqualTo(Compilation.Status.FAILURE);
    assertThat(compilation.errors())
        .extracting(error -> error.getMessage(Locale.ROOT))
        .containsExactly(message);
    Diagnostic<? extends JavaFileObject> error = compilation.errors().get(0);
    assertThat(error.getSource().getName()).endsWith(file);
    assertThat(error.getLineNumber()).as("line").isEqualTo(line);
  }
}
