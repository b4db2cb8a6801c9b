package dev.soko;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soko.spi.BackendConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreConfigTest {

  @TempDir Path dir;

  @Test
  void onlineSectionWithOnlyTheSameTypeSharesTheOfflineBackend() throws Exception {
    Path file = write("offline:\n  type: duckdb\n  path: data/x.duckdb\nonline:\n  type: duckdb\n");

    StoreConfig config = StoreConfig.load(file);

    BackendConfig expected =
        new BackendConfig("duckdb", Map.of("path", "data/x.duckdb"), dir.toAbsolutePath());
    assertThat(config).isEqualTo(new StoreConfig(expected, expected));
    assertThat(config.shared()).isTrue();
  }

  @Test
  void onlineSectionOfAnotherTypeIsItsOwnBackend() throws Exception {
    Path file =
        write(
            "offline: {type: iceberg, warehouse: wh}\n"
                + "online: {type: dynamodb, table: soko, region: eu-west-1}\n");

    StoreConfig config = StoreConfig.load(file);

    assertThat(config.shared()).isFalse();
    assertThat(config.online())
        .isEqualTo(
            new BackendConfig(
                "dynamodb", Map.of("table", "soko", "region", "eu-west-1"), dir.toAbsolutePath()));
  }

  @Test
  void missingOnlineSectionSharesTheOfflineBackend() throws Exception {
    assertThat(StoreConfig.load(write("offline: {type: duckdb}\n")).shared()).isTrue();
  }

  @Test
  void localConfigurationPointsAtTheDefaultFile() {
    assertThat(StoreConfig.local(dir).offline())
        .isEqualTo(
            new BackendConfig("duckdb", Map.of("path", ".soko/soko.duckdb"), dir.toAbsolutePath()));
  }

  @Test
  void sectionWithoutTypeIsAnError() throws Exception {
    Path file = write("offline:\n  path: x.duckdb\n");

    assertThatThrownBy(() -> StoreConfig.load(file))
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot read store configuration "
                + file
                + ": section 'offline' must give a backend 'type', such as 'type: duckdb'");
  }

  @Test
  void fileWithoutOfflineSectionIsAnError() throws Exception {
    Path file = write("online: {type: duckdb}\n");

    assertThatThrownBy(() -> StoreConfig.load(file))
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot read store configuration "
                + file
                + ": it must have an 'offline' section, such as 'offline: {type: duckdb, path:"
                + " .soko/soko.duckdb}'");
  }

  @Test
  void unknownTypeWithNoBackendOnTheClassPathIsAnError() throws Exception {
    Path file = write("offline: {type: duckdb}\n");

    assertThatThrownBy(() -> FeatureStore.open(file))
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot open the offline store: no backend of type 'duckdb' is on the class path;"
                + " known types: (none). Fix 'type' under 'offline' in "
                + file
                + ", or add the backend's jar (such as soko-duckdb).");
  }

  @Test
  void unknownTypeInAConfigurationGivenAsAValueNamesNoFile() {
    BackendConfig glue = new BackendConfig("glue", Map.of(), dir);

    assertThatThrownBy(() -> FeatureStore.builder().config(new StoreConfig(glue, glue)).open())
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot open the offline store: no backend of type 'glue' is on the class path;"
                + " known types: (none). Fix 'type' under 'offline' in the store configuration, or"
                + " add the backend's jar (such as soko-duckdb).");
  }

  @Test
  void missingFileIsAnErrorThatSaysSo() {
    Path file = dir.resolve("nope.yaml");

    assertThatThrownBy(() -> StoreConfig.load(file))
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot read store configuration "
                + file
                + ": the file does not exist; give the path of an existing file, or write one with"
                + " 'soko init'");
  }

  @Test
  void nullArgumentsAreRefusedNamingTheFix() {
    assertThatThrownBy(() -> StoreConfig.load(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot read store configuration: the path is null; give the path of a soko.yaml,"
                + " which 'soko init' writes");
    assertThatThrownBy(() -> StoreConfig.local(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot configure a local store: the directory is null; give the folder that holds"
                + " .soko/, such as Path.of(\"\") for the working directory");
    assertThatThrownBy(() -> new StoreConfig(StoreConfig.local(dir).offline(), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot configure the store: the online section is null; give both sections; give the"
                + " offline one twice to share one backend");
    assertThatThrownBy(() -> FeatureStore.open((Path) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot open the store: the configuration file is null; give the path of a soko.yaml,"
                + " or call open() to use ./soko.yaml or the local store");
    assertThatThrownBy(() -> FeatureStore.builder().clock(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot open the store: the clock is null; give one, such as Clock.systemUTC(), or"
                + " leave clock(...) out");
  }

  private Path write(String yaml) throws Exception {
    Path file = dir.resolve("soko.yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
