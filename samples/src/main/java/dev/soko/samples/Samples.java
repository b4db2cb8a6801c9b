package dev.soko.samples;

import dev.soko.samples.news.NewsSample;
import dev.soko.samples.retail.RetailSample;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

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
    System.exit(commandLine().execute(args));
  }

  /** Returns the launcher's command line, ready to execute. */
  static CommandLine commandLine() {
    CommandLine line = new CommandLine(new Samples());
    line.addSubcommand("news", NewsSample.commandLine());
    line.addSubcommand("retail", new Retail());
    line.setExecutionExceptionHandler(NewsSample.errors());
    line.setParameterExceptionHandler(NewsSample.parameterErrors());
    return line;
  }

  /** Runs the retail sample with its own arguments. */
  @Command(
      name = "retail",
      mixinStandardHelpOptions = true,
      description = "Runs the online retail sample on the local store.")
  static final class Retail implements Callable<Integer> {

    @Parameters(
        index = "0..1",
        arity = "0..2",
        paramLabel = "DIR",
        description = "The folder of daily files, then the folder for the store (both optional).")
    private List<String> folders = List.of();

    @Override
    public Integer call() {
      RetailSample.run(folders, System.out);
      return 0;
    }
  }
}
