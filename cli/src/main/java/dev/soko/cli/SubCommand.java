package dev.soko.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every subcommand shares: the root command's options, output streams and paths. */
abstract class SubCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public final Integer call() throws Exception {
    return run();
  }

  /** Does the command's work and returns its exit code. */
  abstract int run() throws Exception;

  SokoCommand root() {
    return (SokoCommand) spec.root().userObject();
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  Path resolve(Path path) {
    return root().resolve(path);
  }

  /**
   * Opens the store the configuration names, creating the local store's file if it does not exist:
   * only for the commands that set a store up, {@code init} and {@code apply}. The caller closes
   * it.
   */
  StoreSession openStore() {
    return StoreSession.open(root().configFile(), root().workingDirectory());
  }

  /**
   * Opens a store that must exist already, for every command that does not set one up: where the
   * local store has no file yet, it says so and creates nothing. The caller closes it.
   *
   * @throws dev.soko.SokoException if the local store's file does not exist
   */
  StoreSession openExistingStore() {
    StoreSession.requireExisting(root().configFile(), root().workingDirectory());
    return openStore();
  }

  /** Starts a progress display for long work; it shows only when stderr is a terminal. */
  Progress progress(String task, long total) {
    return Progress.start(task, total, System.console() != null);
  }
}
