package dev.soko.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Switches online serving of a group on or off. */
@Command(
    name = "online",
    mixinStandardHelpOptions = true,
    description = "Turn online serving of a feature group on or off.",
    subcommands = {OnlineCommand.Enable.class, OnlineCommand.Disable.class},
    footerHeading = "%nExample:%n",
    footer = {"  soko online enable customer_activity", "  soko online disable customer_activity"})
final class OnlineCommand implements Runnable {

  @Spec private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(),
        "Missing subcommand: use 'soko online enable GROUP' or 'disable GROUP'");
  }

  /** Turns online serving on, filling the online store from the offline history. */
  @Command(
      name = "enable",
      mixinStandardHelpOptions = true,
      description =
          "Turn online serving on: load the latest value of every key (within the TTL) from the"
              + " offline store, then send every new write to both. Idempotent.",
      footerHeading = "%nExample:%n",
      footer = "  soko online enable customer_activity")
  static final class Enable extends SubCommand {

    @Parameters(index = "0", paramLabel = "GROUP", description = "The group name.")
    private String group;

    @Override
    int run() {
      WriteSummary summary;
      try (StoreSession store = openExistingStore();
          Progress progress = progress("online enable " + group, -1)) {
        summary = store.enableOnline(group, progress);
      }

      out()
          .println(
              "Online serving is on for "
                  + group
                  + ": "
                  + WriteSummary.count(summary.onlineKeys(), "key")
                  + " loaded in "
                  + WriteSummary.seconds(summary.took())
                  + ".");
      return Soko.OK;
    }
  }

  /** Turns online serving off and deletes the online copy. */
  @Command(
      name = "disable",
      mixinStandardHelpOptions = true,
      description =
          "Turn online serving off and delete the group's online values. The offline history is"
              + " kept. Idempotent.",
      footerHeading = "%nExample:%n",
      footer = "  soko online disable customer_activity")
  static final class Disable extends SubCommand {

    @Parameters(index = "0", paramLabel = "GROUP", description = "The group name.")
    private String group;

    @Override
    int run() {
      try (StoreSession store = openExistingStore()) {
        store.disableOnline(group);
      }

      out().println("Online serving is off for " + group + "; its online values are deleted.");
      return Soko.OK;
    }
  }
}
