package dev.soko.spi;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * One backend's section of the store configuration.
 *
 * @param type the backend type, such as {@code duckdb}
 * @param settings the section's other settings, as strings
 * @param baseDirectory the directory relative paths in the settings resolve against
 */
public record BackendConfig(String type, Map<String, String> settings, Path baseDirectory) {

  /** Creates a configuration. */
  public BackendConfig {
    requireNonNull(type, "type");
    settings = Map.copyOf(settings);
    requireNonNull(baseDirectory, "baseDirectory");
  }

  /** Returns a setting, if present. */
  public Optional<String> setting(String name) {
    return Optional.ofNullable(settings.get(name));
  }
}
