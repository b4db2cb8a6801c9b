package dev.soko.duckdb;

import dev.soko.FeatureStore;
import dev.soko.StoreConfig;
import dev.soko.contract.InputContract;
import java.nio.file.Path;
import java.time.Clock;

class DuckDbInputTest extends InputContract {

  @Override
  protected FeatureStore open(Path dir, Clock clock) {
    return FeatureStore.builder().config(StoreConfig.local(dir)).clock(clock).open();
  }
}
