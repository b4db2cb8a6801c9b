package dev.soko.cli;

import dev.soko.GroupDefinition;
import java.io.BufferedReader;
import java.io.IOException;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Finds the feature group definitions in jars and class directories: the {@link GroupDefinition}
 * implementations they list for {@link ServiceLoader}, which Soko's annotation processor writes.
 */
final class DefinitionLoader implements AutoCloseable {

  private static final String SERVICES = "META-INF/services/" + GroupDefinition.class.getName();

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

  /** Returns the class loader over the paths, for reading other resources from them. */
  ClassLoader classLoader() {
    return loader;
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
   * Returns the paths of resources under a folder, such as {@code META-INF/soko/}, in the paths.
   */
  List<URL> resources(String name) {
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
