package dev.soko.spi;

/**
 * Opens a backend of one type. Implementations are listed for {@link java.util.ServiceLoader} and
 * chosen by the {@code type} in the store configuration, such as {@code duckdb}.
 */
public interface BackendProvider {

  /** Returns the configuration type this provider opens, such as {@code duckdb}. */
  String type();

  /**
   * Opens a backend.
   *
   * @throws dev.soko.SokoException if the backend cannot be opened, saying why
   */
  Backend open(BackendConfig config);
}
