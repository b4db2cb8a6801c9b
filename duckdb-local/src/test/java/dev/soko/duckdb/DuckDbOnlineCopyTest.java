package dev.soko.duckdb;

import static dev.soko.contract.StoreFixtures.CLICKS;
import static dev.soko.contract.StoreFixtures.NOW;
import static dev.soko.contract.StoreFixtures.click;
import static dev.soko.contract.StoreFixtures.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soko.EntityKey;
import dev.soko.FeatureStore;
import dev.soko.SokoException;
import dev.soko.StoreConfig;
import dev.soko.StoreParts;
import dev.soko.contract.MutableClock;
import dev.soko.contract.StoreFixtures.Click;
import dev.soko.spi.OnlineRow;
import dev.soko.spi.OnlineStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local online store under change: replacing a group's online copy is one transaction, so
 * readers keep the old copy until the new one is complete and a failed refill keeps it; a read that
 * finds the copy dropped says so.
 */
class DuckDbOnlineCopyTest {

  @TempDir Path dir;

  private FeatureStore store;
  private OnlineStore online;

  @BeforeEach
  void open() {
    store =
        FeatureStore.builder().config(StoreConfig.local(dir)).clock(new MutableClock(NOW)).open();
    store.apply(CLICKS).orThrow();
    store.online(CLICKS).enable();
    store.write(CLICKS, List.of(click("u1", daysAgo(2), 2), click("u2", daysAgo(1), 1)));
    online = StoreParts.online(store);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void readersSeeTheOldCopyUntilTheNewOneIsComplete() {
    List<Optional<OnlineRow>> seenDuringFill = new ArrayList<>();

    long written =
        online.replace(
            CLICKS.spec(),
            () -> {
              long keys = online.write(CLICKS.spec(), List.of(row("u1", 7L)));
              // Online reads run on the store's reader connections, outside the transaction.
              seenDuringFill.addAll(online.read(CLICKS.spec(), keys("u1", "u2")));
              return keys;
            });

    assertThat(written).isEqualTo(1);
    assertThat(seenDuringFill)
        .extracting(row -> row.map(r -> r.features().get(0)).orElse(null))
        .containsExactly(2L, 1L);
    assertThat(store.latest(CLICKS, List.of(EntityKey.of("u1"), EntityKey.of("u2"))))
        .isEqualTo(Map.of(EntityKey.of("u1"), click("u1", daysAgo(0), 7)));
  }

  @Test
  void aFailedRefillKeepsTheOldCopy() {
    assertThatThrownBy(
            () ->
                online.replace(
                    CLICKS.spec(),
                    () -> {
                      online.write(CLICKS.spec(), List.of(row("u1", 7L)));
                      throw new IllegalStateException("the offline read failed");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the offline read failed");

    Map<EntityKey, Click> latest =
        store.latest(CLICKS, List.of(EntityKey.of("u1"), EntityKey.of("u2")));
    assertThat(latest)
        .isEqualTo(
            Map.of(
                EntityKey.of("u1"), click("u1", daysAgo(2), 2),
                EntityKey.of("u2"), click("u2", daysAgo(1), 1)));
  }

  @Test
  void aReadThatFindsTheOnlineTableGoneSaysOnlineServingWasTurnedOff() {
    // What a disable in another process does between the runtime's check and the read.
    online.drop(CLICKS.spec());

    assertThatThrownBy(() -> store.latest(CLICKS, EntityKey.of("u1")))
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot read group 'store_clicks' from the online store: online serving was turned off"
                + " while the read ran. Turn it on again with store.online(group).enable(), or"
                + " `soko online enable store_clicks`.");
  }

  private static OnlineRow row(String user, long clicks) {
    List<Object> features = new ArrayList<>();
    features.add(clicks);
    features.add(null);
    return new OnlineRow(EntityKey.of(user), daysAgo(0), NOW, features);
  }

  private static List<EntityKey> keys(String... users) {
    List<EntityKey> keys = new ArrayList<>();
    for (String user : users) {
      keys.add(EntityKey.of(user));
    }

    return keys;
  }
}
