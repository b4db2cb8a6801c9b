package dev.soko;

import dev.soko.spi.Backend;
import dev.soko.spi.BackendConfig;
import dev.soko.spi.BackendProvider;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Finds backend providers on the class path by their configuration type. */
final class Backends {

  private Backends() {}

  /**
   * Opens the backend a configuration section names.
   *
   * @param part which part of the store the backend serves, for messages
   * @param source where the configuration was read, such as a file's path, for messages
   * @throws SokoException if no provider has that type, listing the known ones
   */
  static Backend open(BackendConfig config, String part, String source) {
    Map<String, BackendProvider> providers = new TreeMap<>();
    for (BackendProvider provider :
        ServiceLoader.load(BackendProvider.class, Backends.class.getClassLoader())) {
      providers.putIfAbsent(provider.type(), provider);
    }

    BackendProvider provider = providers.get(config.type());
    if (provider == null) {
      throw new SokoException(
          "Cannot open the "
              + part
              + " store: no backend of type '"
              + config.type()
              + "' is on the class path; known types: "
              + (providers.isEmpty() ? "(none)" : String.join(", ", providers.keySet()))
              + ". Fix 'type' under '"
              + part
              + "' in "
              + source
              + ", or add the backend's jar (such as soko-duckdb).");
    }

    return provider.open(config);
  }
}
