package dev.soko.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/** Compiles sources with Soko's processors, as a user's build would. */
final class Compilations {

  /** Raised by javac under -Xlint:processing because the processors claim no annotation. */
  static final String UNCLAIMED_ANNOTATIONS = "compiler.warn.proc.annotations.without.processors";

  private Compilations() {}

  static Compilation compile(JavaFileObject... sources) {
    return Compiler.javac()
        .withProcessors(new FeatureGroupProcessor(), new RegistryProcessor())
        .withOptions("-Xlint:all")
        .compile(sources);
  }

  static JavaFileObject source(String qualifiedName, String... lines) {
    return JavaFileObjects.forSourceLines(qualifiedName, lines);
  }

  static JavaFileObject sourceFile(Path path) {
    try {
      String text = Files.readString(path, StandardCharsets.UTF_8);
      String file = path.getFileName().toString();
      String type = file.substring(0, file.length() - ".java".length());
      String pkg = text.lines().filter(l -> l.startsWith("package ")).findFirst().orElseThrow();
      return JavaFileObjects.forSourceString(
          pkg.substring("package ".length(), pkg.length() - 1) + "." + type, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the warnings of a compilation, apart from the one that every unclaimed run gets. */
  static List<Diagnostic<? extends JavaFileObject>> warnings(Compilation compilation) {
    return compilation.warnings().stream()
        .filter(warning -> !warning.getCode().equals(UNCLAIMED_ANNOTATIONS))
        .<Diagnostic<? extends JavaFileObject>>map(warning -> warning)
        .toList();
  }

  static String content(JavaFileObject file) {
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void assertSucceeded(Compilation compilation) {
    assertThat(compilation.errors()).as("errors").isEmpty();
    assertThat(compilation.status()).isEqualTo(Compilation.Status.SUCCESS);
  }

  /**
   * Runs the processors alone (no compilation) over the sources, whatever errors they report, and
   * returns every file they wrote under the directory, as sorted relative paths.
   */
  static List<String> generatedFiles(Path directory, JavaFileObject... sources) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
      Path classes = Files.createDirectories(directory.resolve("classes"));
      Path generated = Files.createDirectories(directory.resolve("sources"));
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
      files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
      JavaCompiler.CompilationTask task =
          javac.getTask(
              null, files, diagnostic -> {}, List.of("-proc:only"), null, List.of(sources));
      task.setProcessors(List.of(new FeatureGroupProcessor(), new RegistryProcessor()));
      task.call();
      try (Stream<Path> walk = Files.walk(directory)) {
        return walk.filter(Files::isRegularFile)
            .map(path -> directory.relativize(path).toString().replace('\\', '/'))
            .sorted()
            .toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
