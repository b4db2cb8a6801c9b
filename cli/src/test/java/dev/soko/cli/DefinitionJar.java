package dev.soko.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Makes a jar of feature groups as a user would: compiles annotated records with Soko's annotation
 * processor (found on the test class path), then jars the classes and the registry entries.
 */
final class DefinitionJar {

  private DefinitionJar() {}

  /**
   * Compiles sources, given as class name to source text in package {@code com.example.features},
   * and returns the jar.
   */
  static Path compile(Path dir, String name, Map<String, String> sources) throws IOException {
    Path src = Files.createDirectories(dir.resolve(name + "-src/com/example/features"));
    Path classes = Files.createDirectories(dir.resolve(name + "-classes"));
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "-d",
            classes.toString(),
            "-classpath",
            System.getProperty("java.class.path"),
            "--release",
            "17",
            "-nowarn"));
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = src.resolve(source.getKey() + ".java");
      Files.writeString(file, "package com.example.features;\n\n" + source.getValue());
      args.add(file.toString());
    }

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int result = javac.run(null, null, null, args.toArray(String[]::new));
    assertThat(result).as("compilation of " + sources.keySet()).isZero();

    Path jar = dir.resolve(name + ".jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, (OutputStream) out);
        out.closeEntry();
      }
    }

    return jar;
  }

  /** The customer orders group, key customer_id, TTL 90 days. */
  static final String CUSTOMER_ORDERS =
      """
      import dev.soko.annotations.EventTime;
      import dev.soko.annotations.Feature;
      import dev.soko.annotations.FeatureGroup;
      import dev.soko.annotations.Key;
      import java.time.Instant;

      @FeatureGroup(name = "customer_orders", owner = "growth", ttl = "P90D",
          description = "Orders of a customer.", tags = {"customer"})
      public record CustomerOrders(
          @Key String customerId,
          @EventTime Instant eventTime,
          @Feature(description = "Orders in the last 30 days.") long orders30d,
          Double spend30d,
          String country) {}
      """;

  /** The item stats group, key stock_code, no TTL. */
  static final String ITEM_STATS =
      """
      import dev.soko.annotations.EventTime;
      import dev.soko.annotations.FeatureGroup;
      import dev.soko.annotations.Key;
      import java.time.Instant;

      @FeatureGroup(name = "item_stats", owner = "merch", description = "Sales of an item.",
          tags = {"item"})
      public record ItemStats(@Key String stockCode, @EventTime Instant eventTime, Long units7d) {}
      """;

  private static Path shared;

  /** Returns the jar of both groups, compiled once for all tests. */
  static synchronized Path shared() throws IOException {
    if (shared == null) {
      Path dir = Files.createTempDirectory("soko-cli-definitions");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
      shared = both(dir);
    }

    return shared;
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // A temporary folder left behind is harmless.
    }
  }

  /** Returns the jar of both groups. */
  static Path both(Path dir) throws IOException {
    return compile(
        dir, "features", Map.of("CustomerOrders", CUSTOMER_ORDERS, "ItemStats", ITEM_STATS));
  }
}
