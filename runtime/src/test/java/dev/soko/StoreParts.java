package dev.soko;

import dev.soko.spi.OnlineStore;

/**
 * The backend parts a store was opened with, for contract tests that must reach a part directly, as
 * an outside fault would.
 */
public final class StoreParts {

  private StoreParts() {}

  /** Returns the online store the store writes to and reads from. */
  public static OnlineStore online(FeatureStore store) {
    return store.onlineStore();
  }
}
