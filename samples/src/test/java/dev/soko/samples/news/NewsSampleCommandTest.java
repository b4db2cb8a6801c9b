package dev.soko.samples.news;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soko.StoreConfig;
import dev.soko.samples.internal.Home;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NewsSampleCommandTest {

  private final NewsSample.WindowConverter windows = new NewsSample.WindowConverter();

  @Test
  void readsShortAndIsoWindowLengths() {
    assertThat(windows.convert("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(windows.convert("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(windows.convert("1H")).isEqualTo(Duration.ofHours(1));
    assertThat(windows.convert("PT90S")).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void rejectsWindowsThatAreNotLengths() {
    assertThatThrownBy(() -> windows.convert("five"))
        .isInstanceOf(CommandLine.TypeConversionException.class)
        .hasMessage("'five' is not a window length: use 30s, 5m, 1h or ISO-8601 such as PT5M");
    assertThatThrownBy(() -> windows.convert("0m"))
        .isInstanceOf(CommandLine.TypeConversionException.class)
        .hasMessage("'0m' is not a window length: it must be positive");
  }

  @Test
  void refusesAStoreFolderThatIsNotEmptyAndWritesNothing(@TempDir Path dir) throws Exception {
    Path store = Files.createDirectories(dir.resolve("store"));
    Files.writeString(store.resolve("notes.txt"), "keep me");
    StringWriter err = new StringWriter();
    CommandLine line = NewsSample.commandLine();
    line.setErr(new PrintWriter(err, true));
    line.setOut(new PrintWriter(new StringWriter(), true));

    int exit = line.execute("--data", Fixture.folder().toString(), "--store", store.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo(
            "Error: Cannot use "
                + store
                + " for the store: the folder is not empty; pass --store a new or empty folder,"
                + " or leave --store out for a temporary one"
                + System.lineSeparator());
    try (var entries = Files.list(store)) {
      assertThat(entries).containsExactly(store.resolve("notes.txt"));
    }
  }

  @Test
  void refusesADataFolderWithoutMindFiles(@TempDir Path dir) {
    StringWriter err = new StringWriter();
    CommandLine line = NewsSample.commandLine();
    line.setErr(new PrintWriter(err, true));
    line.setOut(new PrintWriter(new StringWriter(), true));

    int exit = line.execute("--data", dir.toString(), "--store", dir.resolve("store").toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString())
        .startsWith("Error: Cannot read MIND data: " + dir.resolve("news.tsv") + " does not exist");
    assertThat(dir.resolve("store")).doesNotExist();
  }

  @Test
  void keepsTheStoreItWasGivenAndSaysHowToQueryIt(@TempDir Path dir) throws Exception {
    Path store = dir.resolve("store");
    StringWriter out = new StringWriter();
    CommandLine line = NewsSample.commandLine();
    line.setOut(new PrintWriter(out, true));

    int exit = line.execute("--data", Fixture.folder().toString(), "--store", store.toString());

    assertThat(exit).isEqualTo(0);
    assertThat(out.toString().lines())
        .endsWith(
            "Store kept in " + store.toAbsolutePath(),
            "Query it: "
                + Home.current()
                    .sqlCommand(
                        store.resolve("soko.yaml"),
                        "SELECT * FROM features.user_engagement_latest ORDER BY user_id LIMIT 5"));
    assertThat(StoreConfig.load(store.resolve("soko.yaml"))).isEqualTo(StoreConfig.local(store));
  }

  @Test
  void keepsItsTemporaryStoreAndSaysWhereItIs() throws Exception {
    StringWriter out = new StringWriter();
    CommandLine line = NewsSample.commandLine();
    line.setOut(new PrintWriter(out, true));

    int exit = line.execute("--data", Fixture.folder().toString());

    assertThat(exit).isEqualTo(0);
    List<String> lines = out.toString().lines().toList();
    String kept = lines.get(lines.size() - 2);
    Matcher folder =
        Pattern.compile(
                "Store kept in (.*soko-news-\\d+), a new temporary folder: delete it when done, or"
                    + " pass --store DIR next time")
            .matcher(kept);
    assertThat(folder.matches()).as(kept).isTrue();
    Path store = Path.of(folder.group(1));
    try {
      assertThat(lines.get(lines.size() - 1))
          .isEqualTo(
              "Query it: "
                  + Home.current()
                      .sqlCommand(
                          store.resolve("soko.yaml"),
                          "SELECT * FROM features.user_engagement_latest ORDER BY user_id"
                              + " LIMIT 5"));
      assertThat(store.resolve(StoreConfig.DEFAULT_PATH)).isRegularFile();
    } finally {
      try (Stream<Path> paths = Files.walk(store)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }
}
