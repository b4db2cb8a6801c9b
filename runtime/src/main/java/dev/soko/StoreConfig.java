package dev.soko;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.soko.spi.BackendConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which backends serve a store's offline history and online values, and their settings.
 *
 * <p>It is read from a YAML file, by convention {@code soko.yaml}:
 *
 * <pre>{@code
 * offline:
 *   type: duckdb
 *   path: .soko/soko.duckdb
 * online:
 *   type: duckdb
 * }</pre>
 *
 * <p>A missing {@code online} section, or one that gives only the same {@code type} as {@code
 * offline}, shares the offline backend. Relative paths resolve against the file's folder. The
 * registry is kept by the offline backend.
 *
 * @param offline the offline backend's section
 * @param online the online backend's section
 */
public record StoreConfig(BackendConfig offline, BackendConfig online) {

  /** The configuration file that {@link FeatureStore#open()} looks for in the working directory. */
  public static final String FILE_NAME = "soko.yaml";

  /** The local store file, relative to the working directory, when there is no configuration. */
  public static final String DEFAULT_PATH = ".soko/soko.duckdb";

  /**
   * Creates a configuration.
   *
   * @throws NullPointerException if a section is null
   */
  public StoreConfig {
    String fix = "give both sections; give the offline one twice to share one backend";
    Checks.given(offline, "configure the store", "the offline section", fix);
    Checks.given(online, "configure the store", "the online section", fix);
  }

  /**
   * Returns the configuration of a local DuckDB store under {@code .soko/} in the directory.
   *
   * @throws NullPointerException if the directory is null
   */
  public static StoreConfig local(Path directory) {
    Checks.given(
        directory,
        "configure a local store",
        "the directory",
        "give the folder that holds .soko/, such as Path.of(\"\") for the working directory");
    BackendConfig local =
        new BackendConfig("duckdb", Map.of("path", DEFAULT_PATH), directory.toAbsolutePath());
    return new StoreConfig(local, local);
  }

  /**
   * Reads a configuration file.
   *
   * @throws NullPointerException if the path is null
   * @throws SokoException if the file does not exist, cannot be read or lacks a backend type
   */
  public static StoreConfig load(Path file) {
    Checks.given(
        file,
        "read store configuration",
        "the path",
        "give the path of a soko.yaml, which 'soko init' writes");
    if (!Files.isRegularFile(file)) {
      throw new SokoException(
          "Cannot read store configuration "
              + file
              + ": the file does not exist; give the path of an existing file, or write one with"
              + " 'soko init'");
    }

    Path base = file.toAbsolutePath().getParent();
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
    } catch (IOException e) {
      throw new SokoException("Cannot read store configuration " + file + ": " + e.getMessage(), e);
    }

    if (root == null || !root.isObject() || !root.has("offline")) {
      throw new SokoException(
          "Cannot read store configuration "
              + file
              + ": it must have an 'offline' section, such as 'offline: {type: duckdb, path:"
              + " .soko/soko.duckdb}'");
    }

    BackendConfig offline = section(file, "offline", root.get("offline"), base);
    if (!root.has("online")) {
      return new StoreConfig(offline, offline);
    }

    BackendConfig online = section(file, "online", root.get("online"), base);
    if (online.type().equals(offline.type()) && online.settings().isEmpty()) {
      online = offline;
    }

    return new StoreConfig(offline, online);
  }

  /** Returns whether both parts are served by one backend. */
  public boolean shared() {
    return offline.equals(online);
  }

  private static BackendConfig section(Path file, String name, JsonNode node, Path base) {
    if (node == null || !node.isObject() || !node.path("type").isTextual()) {
      throw new SokoException(
          "Cannot read store configuration "
              + file
              + ": section '"
              + name
              + "' must give a backend 'type', such as 'type: duckdb'");
    }

    Map<String, String> settings = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      if (!entry.getKey().equals("type")) {
        settings.put(entry.getKey(), entry.getValue().asText());
      }
    }

    return new BackendConfig(node.get("type").asText(), settings, base);
  }
}
