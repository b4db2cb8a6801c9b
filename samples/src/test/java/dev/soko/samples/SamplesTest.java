package dev.soko.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SamplesTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int execute(String... args) {
    CommandLine line = Samples.commandLine();
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    return line.execute(args);
  }

  @Test
  void printsAWrongWindowAsOneLineAndExitsWithOne() {
    int exit = execute("news", "--data", "samples/data/mind-sample", "--window", "bad");

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo(
            "Error: Invalid value for option '--window': 'bad' is not a window length: use 30s,"
                + " 5m, 1h or ISO-8601 such as PT5M. Run 'soko-samples news --help' for usage."
                + System.lineSeparator());
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void printsAMissingOptionAsOneLine() {
    int exit = execute("news");

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo(
            "Error: Missing required option: '--data=DIR'. Run 'soko-samples news --help' for"
                + " usage."
                + System.lineSeparator());
  }

  @Test
  void printsAnUnknownSampleAsOneLine() {
    int exit = execute("weather");

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo(
            "Error: Unmatched argument at index 0: 'weather'. Run 'soko-samples --help' for"
                + " usage."
                + System.lineSeparator());
  }

  @Test
  void printsTooManyRetailFoldersAsOneLine() {
    int exit = execute("retail", "a", "b", "c");

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo(
            "Error: Unmatched argument at index 3: 'c'. Run 'soko-samples retail --help' for"
                + " usage."
                + System.lineSeparator());
  }

  @Test
  void printsAMissingRetailDataFolderAsOneLineAndCreatesNoStore(@TempDir Path dir) {
    Path data = dir.resolve("days");
    Path store = dir.resolve("store");

    int exit = execute("retail", data.toString(), store.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo(
            "Error: Cannot find the retail data folder: there is no folder "
                + data
                + "; pass the folder of daily files, such as './soko-samples retail"
                + " samples/data/online-retail/by-day' from the repository root"
                + System.lineSeparator());
    assertThat(store).doesNotExist();
  }
}
