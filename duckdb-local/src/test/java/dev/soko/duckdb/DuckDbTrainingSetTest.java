package dev.soko.duckdb;

import dev.soko.FeatureStore;
import dev.soko.StoreConfig;
import dev.soko.contract.TrainingSetContract;
import java.nio.file.Path;
import java.time.Clock;

class DuckDbTrainingSetTest extends TrainingSetContract {

  @Override
  protected FeatureStore open(Path dir, Clock clock) {
    return FeatureStore.builder().config(StoreConfig.local(dir)).clock(clock).open();
  }
}
