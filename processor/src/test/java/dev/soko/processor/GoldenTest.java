package dev.soko.processor;

import static dev.soko.processor.Compilations.assertSucceeded;
import static dev.soko.processor.Compilations.content;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Compares what the processor generates for the example record of the design with the files kept
 * under {@code src/test/resources/golden/}. Run with {@code -Dsoko.golden.update=true} to rewrite
 * them after an intended change, then review the difference.
 */
class GoldenTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  private static Compilation compilation;

  @BeforeAll
  static void compileExample() {
    compilation =
        Compilations.compile(Compilations.sourceFile(GOLDEN.resolve("UserEngagement.java")));
    assertSucceeded(compilation);
    assertThat(Compilations.warnings(compilation)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "SOURCE_OUTPUT, com/example/news/UserEngagementGroup.java, UserEngagementGroup.java",
    "SOURCE_OUTPUT, com/example/news/UserEngagementWriter.java, UserEngagementWriter.java",
    "SOURCE_OUTPUT, com/example/news/UserEngagementReader.java, UserEngagementReader.java",
    "CLASS_OUTPUT, META-INF/soko/user_engagement.v1.json, user_engagement.v1.json",
    "CLASS_OUTPUT, META-INF/services/dev.soko.GroupDefinition, dev.soko.GroupDefinition"
  })
  void generatedFileMatchesGolden(StandardLocation location, String path, String golden)
      throws IOException {
    JavaFileObject file = compilation.generatedFile(location, path).orElseThrow();
    String actual = content(file);
    Path expected = GOLDEN.resolve(golden);
    if (Boolean.getBoolean("soko.golden.update")) {
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
    }

    assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
  }
}
