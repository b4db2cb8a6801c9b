package dev.soko.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The {@code soko} command: applies feature group definitions, writes and backfills features from
 * files, switches online serving, reads online values, builds training sets and runs SQL against
 * the local store.
 */
public final class Soko {

  /** The exit code of a command that did what it was asked. */
  static final int OK = 0;

  /** The exit code of a user mistake: bad arguments, a missing file, an unknown group. */
  static final int USER_ERROR = 1;

  /** The exit code of an unexpected failure inside Soko. */
  static final int INTERNAL_ERROR = 2;

  private Soko() {}

  /**
   * Runs the command with the given arguments and exits with its exit code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    quietLogging(Arrays.asList(args).contains("--verbose") || Arrays.asList(args).contains("-v"));
    int exitCode = commandLine(Path.of("").toAbsolutePath()).execute(args);
    System.exit(exitCode);
  }

  /**
   * Returns the command line, ready to execute, with the given directory as the working directory
   * that relative paths and the default configuration resolve against.
   */
  static CommandLine commandLine(Path workingDirectory) {
    SokoCommand root = new SokoCommand(workingDirectory);
    CommandLine commandLine = new CommandLine(root);
    commandLine.setParameterExceptionHandler(Soko::parameterError);
    commandLine.setExecutionExceptionHandler(
        (exception, command, parseResult) -> executionError(root, exception, command));
    return commandLine;
  }

  // The store logs one INFO line per operation; a command prints its own summary instead, so
  // those lines only show with --verbose (simplelogger.properties sets WARN otherwise).
  private static void quietLogging(boolean verbose) {
    String level = "org.slf4j.simpleLogger.defaultLogLevel";
    if (verbose && System.getProperty(level) == null) {
      System.setProperty(level, "info");
    }
  }

  private static int parameterError(ParameterException exception, String[] args) {
    CommandLine command = exception.getCommandLine();
    PrintWriter err = command.getErr();
    err.println(
        "Error: "
            + oneLine(exception.getMessage())
            + ". Run '"
            + command.getCommandSpec().qualifiedName()
            + " --help' for usage.");
    if (isVerbose(command.getParseResult())) {
      exception.printStackTrace(err);
    }

    err.flush();
    return USER_ERROR;
  }

  private static int executionError(SokoCommand root, Exception exception, CommandLine command) {
    PrintWriter err = command.getErr();
    if (isUserMistake(exception)) {
      err.println("Error: " + oneLine(exception.getMessage()));
    } else {
      err.println(
          "Error: Cannot run '"
              + command.getCommandSpec().qualifiedName()
              + "': "
              + exception
              + ". Run again with --verbose for the stack trace.");
    }

    if (root.verbose()) {
      exception.printStackTrace(err);
    }

    err.flush();
    return isUserMistake(exception) ? USER_ERROR : INTERNAL_ERROR;
  }

  private static boolean isUserMistake(Exception exception) {
    return exception instanceof dev.soko.SokoException
        || exception instanceof IllegalArgumentException;
  }

  private static boolean isVerbose(ParseResult parseResult) {
    for (ParseResult result = parseResult; result != null; result = result.subcommand()) {
      if (result.hasMatchedOption("--verbose")) {
        return true;
      }
    }

    return false;
  }

  /** Returns the message on one line, without a trailing period. */
  static String oneLine(String message) {
    if (message == null) {
      return "unknown error";
    }

    String line = message.strip().replaceAll("\\s*\\R\\s*", " ");
    return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
  }
}
