package dev.soko.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/** Runs the soko command in-process in a working directory, capturing what it prints. */
final class Cli {

  private final Path workingDirectory;

  Cli(Path workingDirectory) {
    this.workingDirectory = workingDirectory;
  }

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = Soko.commandLine(workingDirectory);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new Result(exitCode, out.toString(), err.toString());
  }

  /** What a run printed and returned. */
  record Result(int exitCode, String out, String err) {

    List<String> outLines() {
      return out.lines().toList();
    }

    /**
     * Returns the output lines with durations such as {@code in 0.4 s} replaced by {@code in N s}.
     */
    List<String> outLinesTimeless() {
      return out.lines().map(line -> line.replaceAll("in \\d+\\.\\d s", "in N s")).toList();
    }

    List<String> errLines() {
      return err.lines().toList();
    }
  }
}
