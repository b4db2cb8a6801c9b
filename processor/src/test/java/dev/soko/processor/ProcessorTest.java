package dev.soko.processor;

import static dev.soko.processor.Compilations.assertSucceeded;
import static dev.soko.processor.Compilations.compile;
import static dev.soko.processor.Compilations.content;
import static dev.soko.processor.Compilations.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** The processors on valid records: warnings, deferred rounds, notes and registry entries. */
class ProcessorTest {

  private static final String IMPORTS =
      "import dev.soko.annotations.*; import java.time.Instant; import java.util.*;";

  @Test
  void recordOfEveryTypeCompilesWithoutWarnings() throws IOException {
    // The test sources hold this record, already compiled; a copy in another package avoids a
    // clash with its generated classes on the class path.
    String text =
        Files.readString(
                Path.of("src/test/java/dev/soko/processor/example/EveryType.java"),
                StandardCharsets.UTF_8)
            .replace("package dev.soko.processor.example;", "package test.every;");
    Compilation compilation =
        compile(JavaFileObjects.forSourceString("test.every.EveryType", text));

    assertSucceeded(compilation);
    assertThat(compilation.generatedSourceFiles()).hasSize(3);
    // Returning false from process() is what makes javac's -Xlint:processing note that nothing
    // claimed the annotations; every other warning of -Xlint:all, in the generated code too, must
    // be absent.
    assertThat(compilation.warnings())
        .extracting(Diagnostic::getCode)
        .containsOnly(Compilations.UNCLAIMED_ANNOTATIONS);
    assertThat(Compilations.warnings(compilation)).isEmpty();
  }

  @Test
  void recordUsingATypeGeneratedInALaterRoundIsValidatedOnceItExists() {
    Compilation compilation =
        Compiler.javac()
            .withProcessors(
                new RatingGenerator(), new FeatureGroupProcessor(), new RegistryProcessor())
            .compile(
                source(
                    "test.Reviews",
                    "package test;",
                    IMPORTS,
                    "@FeatureGroup",
                    "public record Reviews(",
                    "    @Key String userId,",
                    "    @EventTime Instant at,",
                    "    Rating rating) {}"));

    assertThat(compilation.errors())
        .extracting(error -> error.getMessage(Locale.ROOT) + " @" + error.getLineNumber())
        .containsExactly(
            "Feature rating cannot be of type Rating: a feature must be a boolean, int, long,"
                + " float, double, String, Instant, LocalDate, byte[], float[], List<String> or"
                + " List<Long> (boxed primitives allowed) @7");
  }

  @Test
  void recordUsingATypeThatNeverExistsGetsOnlyTheCompilersError() {
    Compilation compilation =
        compile(
            source(
                "test.Reviews",
                "package test;",
                IMPORTS,
                "@FeatureGroup",
                "public record Reviews(",
                "    @Key String userId,",
                "    @EventTime Instant at,",
                "    Missing rating) {}"));

    assertThat(compilation.errors())
        .extracting(error -> error.getCode())
        .containsExactly("compiler.err.cant.resolve.location");
  }

  @Test
  void verboseOptionNotesEachGeneratedGroup() {
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new FeatureGroupProcessor(), new RegistryProcessor())
            .withOptions("-Asoko.verbose=true")
            .compile(
                source(
                    "test.Clicks",
                    "package test;",
                    IMPORTS,
                    "@FeatureGroup(version = 3)",
                    "public record Clicks(@Key long userId, @EventTime Instant at, int n) {}"));

    assertSucceeded(compilation);
    assertThat(compilation.notes())
        .extracting(note -> note.getMessage(Locale.ROOT))
        .containsExactly("Generated feature group 'clicks' version 3 for test.Clicks");
  }

  @Test
  void descriptionIsValidJsonWhateverItsCharacters() throws IOException {
    String tricky = "Say \\\"hi\\\" \\\\ back\\nthen\\ttab \\u0001 and é ✓";
    Compilation compilation =
        compile(
            source(
                "test.Clicks",
                "package test;",
                IMPORTS,
                "@FeatureGroup(description = \"" + tricky + "\", tags = {\"a\\\"b\"})",
                "public record Clicks(",
                "    @Key int userId,",
                "    @EventTime Instant at,",
                "    @Feature(description = \"" + tricky + "\") int n) {}"));

    assertSucceeded(compilation);
    String json =
        content(
            compilation
                .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/soko/clicks.v1.json")
                .orElseThrow());
    JsonNode tree = new ObjectMapper().readTree(json);
    String expected = "Say \"hi\" \\ back\nthen\ttab \u0001 and é ✓";
    assertThat(tree.get("description").asText()).isEqualTo(expected);
    assertThat(tree.get("tags").get(0).asText()).isEqualTo("a\"b");
    assertThat(tree.get("ttl").isNull()).isTrue();
    assertThat(tree.get("keys").get(0).get("type").asText()).isEqualTo("INT");
    assertThat(tree.get("features").get(0).get("description").asText()).isEqualTo(expected);
    assertThat(json).contains("\"Say \\\"hi\\\" \\\\ back\\nthen\\ttab \\u0001 and é ✓\"");
  }

  @Test
  void serviceListingNamesEveryGroupOfTheCompilation() {
    Compilation compilation =
        compile(
            source(
                "test.b.Views",
                "package test.b;",
                IMPORTS,
                "@FeatureGroup",
                "public record Views(@Key String id, @EventTime Instant at, long n) {}"),
            source(
                "test.a.Clicks",
                "package test.a;",
                IMPORTS,
                "@FeatureGroup",
                "public record Clicks(@Key String id, @EventTime Instant at, long n) {}"));

    assertSucceeded(compilation);
    assertThat(
            content(
                compilation
                    .generatedFile(
                        StandardLocation.CLASS_OUTPUT, "META-INF/services/dev.soko.GroupDefinition")
                    .orElseThrow()))
        .isEqualTo("test.a.ClicksGroup\ntest.b.ViewsGroup\n");
  }

  @Test
  void gradleIsToldWhichProcessorIsIsolatingAndWhichAggregating() throws IOException {
    List<String> lines =
        Files.readAllLines(
            Path.of("src/main/resources/META-INF/gradle/incremental.annotation.processors"),
            StandardCharsets.UTF_8);

    assertThat(lines)
        .containsExactly(
            FeatureGroupProcessor.class.getName() + ",isolating",
            RegistryProcessor.class.getName() + ",aggregating");
  }

  /** Generates {@code test.Rating} in the first round, as another processor might. */
  private static final class RatingGenerator extends AbstractProcessor {

    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!done) {
        done = true;
        try (Writer writer =
            processingEnv.getFiler().createSourceFile("test.Rating").openWriter()) {
          writer.write("package test; public enum Rating { LOW, HIGH }");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      return false;
    }
  }
}
