package dev.soko.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Refills a group's online copy from the offline history. */
@Command(
    name = "materialize",
    mixinStandardHelpOptions = true,
    description = {
      "Refill the online copy of a group whose online serving is on, from the offline history:"
          + " the latest value of every key (within the TTL), replacing whatever the online copy"
          + " holds. Repairs it after a failed online write. Idempotent.",
      "Online serving must be on: 'soko online enable GROUP' turns it on and materializes."
    },
    footerHeading = "%nExample:%n",
    footer = "  soko materialize customer_activity")
final class MaterializeCommand extends SubCommand {

  @Parameters(index = "0", paramLabel = "GROUP", description = "The group name.")
  private String group;

  @Override
  int run() {
    WriteSummary summary;
    try (StoreSession store = openExistingStore();
        Progress progress = progress("materialize " + group, -1)) {
      summary = store.materialize(group, progress);
    }

    out()
        .println(
            "Materialized "
                + group
                + " online: "
                + WriteSummary.count(summary.onlineKeys(), "key")
                + " loaded from the offline history in "
                + WriteSummary.seconds(summary.took())
                + ".");
    return Soko.OK;
  }
}
