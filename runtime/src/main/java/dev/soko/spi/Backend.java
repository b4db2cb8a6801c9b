package dev.soko.spi;

import java.util.Optional;

/**
 * An opened backend. A backend offers some of the four parts; the store configuration picks which
 * backend serves which part.
 */
public interface Backend extends AutoCloseable {

  /** Returns the offline store, if this backend has one. */
  Optional<OfflineStore> offline();

  /** Returns the online store, if this backend has one. */
  Optional<OnlineStore> online();

  /** Returns the registry, if this backend has one. */
  Optional<Registry> registry();

  /** Returns the point-in-time join engine, if this backend has one. */
  Optional<JoinEngine> joinEngine();

  /** Releases the backend's connections and files. */
  @Override
  void close();
}
