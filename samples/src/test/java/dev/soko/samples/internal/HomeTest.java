package dev.soko.samples.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soko.StoreConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HomeTest {

  @TempDir Path dir;

  @Test
  void resolvesADefaultInTheWorkingDirectoryWhenItIsThere() throws Exception {
    Path work = Files.createDirectories(dir.resolve("work/samples/data"));
    Path root = Files.createDirectories(dir.resolve("repo/samples/data"));
    Home home = new Home(work.getParent().getParent(), root.getParent().getParent());

    assertThat(home.resolveDefault("samples/data")).isEqualTo(work);
  }

  @Test
  void resolvesADefaultAgainstTheRepositoryRootWhenTheWorkingDirectoryLacksIt() throws Exception {
    Path work = Files.createDirectories(dir.resolve("work"));
    Path root = Files.createDirectories(dir.resolve("repo"));
    Home home = new Home(work, root);

    assertThat(home.resolveDefault("samples/data")).isEqualTo(root.resolve("samples/data"));
    assertThat(home.lookedFor("samples/data"))
        .isEqualTo(work.resolve("samples/data") + " nor " + root.resolve("samples/data"));
  }

  @Test
  void resolvesADefaultInTheWorkingDirectoryWithoutARoot() {
    Home home = new Home(dir, null);

    assertThat(home.resolveDefault("samples/data")).isEqualTo(dir.resolve("samples/data"));
    assertThat(home.lookedFor("samples/data")).isEqualTo(dir.resolve("samples/data").toString());
  }

  @Test
  void writesTheConfigurationOfTheLocalStoreInTheFolder() {
    Path folder = dir.resolve("store");

    Path config = Home.writeConfig(folder);

    assertThat(config).isEqualTo(folder.resolve("soko.yaml"));
    assertThat(StoreConfig.load(config)).isEqualTo(StoreConfig.local(folder));
  }

  @Test
  void printsTheSqlCommandRelativeToTheRepositoryRootWhenRunThere() {
    Home home = new Home(dir, dir);

    assertThat(home.sqlCommand(dir.resolve("samples/target/store/soko.yaml"), "SELECT 1"))
        .isEqualTo("./soko --config samples/target/store/soko.yaml sql \"SELECT 1\"");
  }

  @Test
  void printsTheSqlCommandWithAbsolutePathsWhenRunElsewhere() {
    Path root = dir.resolve("repo");
    Home home = new Home(dir.resolve("elsewhere"), root);
    Path config = root.resolve("samples/target/my store/soko.yaml");

    assertThat(home.sqlCommand(config, "SELECT 1"))
        .isEqualTo(root.resolve("soko") + " --config '" + config + "' sql \"SELECT 1\"");
  }
}
