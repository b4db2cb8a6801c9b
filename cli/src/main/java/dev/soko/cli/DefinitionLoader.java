package dev.soko.cli;

import dev.soko.GroupDefinition;
import dev.soko.GroupSpec;
import dev.soko.internal.GroupSpecJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the feature group definitions in jars and class directories: the {@link GroupDefinition}
 * implementations they list for {@link ServiceLoader}, which Soko's annotation processor writes.
 */
final class DefinitionLoader implements AutoCloseable {

  private static final String SERVICES = "META-INF/services/" + GroupDefinition.class.getName();
  private static final String DESCRIPTIONS = "META-INF/soko/";

  private final List<Path> paths;
  private final OwnUrlsLoader loader;

  /**
   * Opens a loader over jars and directories.
   *
   * @throws IllegalArgumentException if a path does not exist
   */
  DefinitionLoader(List<Path> paths) {
    this.paths = List.copyOf(paths);
    List<URL> urls = new ArrayList<>();
    for (Path path : paths) {
      if (!Files.exists(path)) {
        throw new IllegalArgumentException(
            "Cannot load definitions from "
                + path
                + ": no such file or directory; pass the jar or class directory of your feature"
                + " groups");
      }

      if (Files.isRegularFile(path) && !path.getFileName().toString().endsWith(".jar")) {
        throw new IllegalArgumentException(
            "Cannot load definitions from "
                + path
                + ": not a jar or a directory; pass the jar or class directory of your feature"
                + " groups");
      }

      try {
        urls.add(path.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("Cannot load definitions from " + path, e);
      }
    }

    this.loader = new OwnUrlsLoader(urls.toArray(URL[]::new), GroupDefinition.class);
  }

  /**
   * Returns the definitions listed in the paths, in the order they are listed.
   *
   * @throws IllegalArgumentException if a listed class cannot be loaded or created
   */
  List<GroupDefinition<?>> definitions() {
    Set<String> listed = listedClassNames();
    List<GroupDefinition<?>> definitions = new ArrayList<>();
    if (listed.isEmpty()) {
      return definitions;
    }

    // ServiceLoader also sees the providers of the parent class path; keep only the listed ones.
    ServiceLoader<GroupDefinition> services = ServiceLoader.load(GroupDefinition.class, loader);
    try {
      for (ServiceLoader.Provider<GroupDefinition> provider :
          services.stream().filter(p -> listed.contains(p.type().getName())).toList()) {
        definitions.add(provider.get());
      }
    } catch (ServiceConfigurationError e) {
      throw new IllegalArgumentException(
          "Cannot load the feature groups listed in "
              + paths
              + ": "
              + e.getMessage()
              + "; put the jars they depend on in --class-path",
          e);
    }

    return definitions;
  }

  /**
   * Returns the specs of every group in the paths: those of the listed definitions, then those
   * described only in {@code META-INF/soko/*.json} (a definition whose class cannot be loaded here
   * is still applied from its description).
   *
   * @throws IllegalArgumentException if a listed class cannot be loaded or a description is not
   *     valid
   */
  List<GroupSpec> specs() {
    List<GroupSpec> specs = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Map<String, String> descriptions = descriptions();
    List<GroupDefinition<?>> definitions;
    try {
      definitions = definitions();
    } catch (IllegalArgumentException e) {
      // Classes that need jars missing here: their descriptions say the same to the registry.
      if (descriptions.isEmpty()) {
        throw e;
      }

      definitions = List.of();
    }

    for (GroupDefinition<?> definition : definitions) {
      specs.add(definition.spec());
      seen.add(definition.spec().qualifiedName());
    }

    for (Map.Entry<String, String> description : descriptions.entrySet()) {
      GroupSpec spec = readSpec(description.getKey(), description.getValue());
      if (seen.add(spec.qualifiedName())) {
        specs.add(spec);
      }
    }

    return specs;
  }

  /** Returns the text of each {@code META-INF/soko/*.json} in the paths, by where it is. */
  private Map<String, String> descriptions() {
    Map<String, String> texts = new LinkedHashMap<>();
    for (Path path : paths) {
      try {
        if (Files.isDirectory(path)) {
          Path folder = path.resolve(DESCRIPTIONS);
          if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
              for (Path file :
                  files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                texts.put(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
              }
            }
          }
        } else {
          try (JarFile jar = new JarFile(path.toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
              String name = entry.getName();
              if (name.startsWith(DESCRIPTIONS) && name.endsWith(".json")) {
                try (InputStream in = jar.getInputStream(entry)) {
                  texts.put(
                      path + "!/" + name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
              }
            }
          }
        }
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "Cannot read the group descriptions in " + path + ": " + e.getMessage(), e);
      }
    }

    return texts;
  }

  private static GroupSpec readSpec(String where, String json) {
    try {
      return GroupSpecJson.read(json);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Cannot read the group description "
              + where
              + ": "
              + e.getMessage()
              + "; rebuild the jar with the same Soko version",
          e);
    }
  }

  /** Returns the URLs of a resource in the paths, without those of the parent class path. */
  private List<URL> resources(String name) {
    try {
      return Collections.list(loader.ownResources(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Set<String> listedClassNames() {
    Set<String> names = new LinkedHashSet<>();
    for (URL url : resources(SERVICES)) {
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          int comment = line.indexOf('#');
          String name = (comment >= 0 ? line.substring(0, comment) : line).strip();
          if (!name.isEmpty()) {
            names.add(name);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + url, e);
      }
    }

    return names;
  }

  @Override
  public void close() throws IOException {
    loader.close();
  }

  /** A class loader that can list the resources of its own URLs, without its parent's. */
  private static final class OwnUrlsLoader extends URLClassLoader {

    OwnUrlsLoader(URL[] urls, Class<?> apiType) {
      super(urls, apiType.getClassLoader());
    }

    java.util.Enumeration<URL> ownResources(String name) throws IOException {
      return findResources(name);
    }
  }
}
