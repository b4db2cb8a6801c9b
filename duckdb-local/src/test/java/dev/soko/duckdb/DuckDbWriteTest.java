package dev.soko.duckdb;

import dev.soko.FeatureStore;
import dev.soko.StoreConfig;
import dev.soko.contract.WriteContract;
import java.nio.file.Path;
import java.time.Clock;

class DuckDbWriteTest extends WriteContract {

  @Override
  protected FeatureStore open(Path dir, Clock clock) {
    return FeatureStore.builder().config(StoreConfig.local(dir)).clock(clock).open();
  }
}
