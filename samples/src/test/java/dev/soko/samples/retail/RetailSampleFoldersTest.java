package dev.soko.samples.retail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soko.SokoException;
import dev.soko.samples.internal.Home;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetailSampleFoldersTest {

  @TempDir Path dir;

  @Test
  void findsTheDefaultDataFolderUnderTheRepositoryRootFromAnotherDirectory() throws Exception {
    Path root = dir.resolve("repo");
    Path data = Files.createDirectories(root.resolve("samples/data/online-retail/by-day"));
    Home home = new Home(Files.createDirectories(dir.resolve("elsewhere")), root);

    assertThat(RetailSample.dataFolder(home, null)).isEqualTo(data);
  }

  @Test
  void namesBothPlacesItLookedWhenTheDefaultDataFolderIsMissing() throws Exception {
    Path root = Files.createDirectories(dir.resolve("repo"));
    Path work = Files.createDirectories(dir.resolve("elsewhere"));
    Home home = new Home(work, root);

    assertThatThrownBy(() -> RetailSample.dataFolder(home, null))
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot find the retail data folder: there is no folder "
                + work.resolve("samples/data/online-retail/by-day")
                + " nor "
                + root.resolve("samples/data/online-retail/by-day")
                + "; pass the folder of daily files, such as './soko-samples retail"
                + " samples/data/online-retail/by-day' from the repository root");
  }

  @Test
  void resolvesAGivenDataFolderAgainstTheWorkingDirectoryOnly() throws Exception {
    Path root = Files.createDirectories(dir.resolve("repo"));
    Files.createDirectories(root.resolve("days"));
    Path work = Files.createDirectories(dir.resolve("elsewhere"));
    Home home = new Home(work, root);

    assertThatThrownBy(() -> RetailSample.dataFolder(home, "days"))
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot find the retail data folder: there is no folder "
                + work.resolve("days")
                + "; pass the folder of daily files, such as './soko-samples retail"
                + " samples/data/online-retail/by-day' from the repository root");
    Files.createDirectories(work.resolve("days"));
    assertThat(RetailSample.dataFolder(home, "days")).isEqualTo(work.resolve("days"));
  }
}
