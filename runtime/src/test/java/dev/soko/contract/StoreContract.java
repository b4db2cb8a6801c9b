package dev.soko.contract;

import dev.soko.FeatureStore;
import dev.soko.GroupDefinition;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The base of the store contract tests: each test gets a new store in a temporary folder, with a
 * clock standing at {@link StoreFixtures#NOW}. A backend's test extends each contract class and
 * says how to open its store.
 */
public abstract class StoreContract {

  @TempDir protected Path dir;

  protected final MutableClock clock = new MutableClock(StoreFixtures.NOW);

  protected FeatureStore store;

  /** Opens a new or existing store whose files live in the folder, using the clock. */
  protected abstract FeatureStore open(Path dir, Clock clock);

  @BeforeEach
  void openStore() {
    store = open(dir, clock);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  /** Returns how many rows the group's offline history holds, duplicates included. */
  protected long rows(GroupDefinition<?> group) {
    return store.describe(group.name(), group.version()).stats().rows();
  }
}
