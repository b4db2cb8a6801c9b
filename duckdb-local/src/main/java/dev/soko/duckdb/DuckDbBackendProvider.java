package dev.soko.duckdb;

import dev.soko.StoreConfig;
import dev.soko.spi.Backend;
import dev.soko.spi.BackendConfig;
import dev.soko.spi.BackendProvider;
import java.nio.file.Path;

/**
 * Opens the local backend, type {@code duckdb}. Its one setting, {@code path}, names the store
 * file, relative to the configuration's folder; it defaults to {@code .soko/soko.duckdb}.
 */
public final class DuckDbBackendProvider implements BackendProvider {

  /** The configuration type of this backend. */
  public static final String TYPE = "duckdb";

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public DuckDbBackendProvider() {}

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Backend open(BackendConfig config) {
    Path path = Path.of(config.setting("path").orElse(StoreConfig.DEFAULT_PATH));
    return DuckDbBackend.open(config.baseDirectory().resolve(path));
  }
}
