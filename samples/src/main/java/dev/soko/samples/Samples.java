package dev.soko.samples;

import dev.soko.samples.news.NewsSample;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code soko-samples} launcher: one subcommand per sample. */
@Command(
    name = "soko-samples",
    mixinStandardHelpOptions = true,
    description = "Runs a Soko sample.",
    synopsisSubcommandLabel = "SAMPLE")
public final class Samples {

  private Samples() {}

  /** Runs the sample named by the first argument. */
  public static void main(String[] args) {
    CommandLine line = new CommandLine(new Samples());
    line.addSubcommand("news", NewsSample.commandLine());
    System.exit(line.execute(args));
  }
}
