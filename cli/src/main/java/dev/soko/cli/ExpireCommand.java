package dev.soko.cli;

import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Drops the rows that backfills replaced before a time. */
@Command(
    name = "expire",
    mixinStandardHelpOptions = true,
    description = {
      "Drop the rows of a group that backfills changed or removed before --before. The store keeps"
          + " them so that a training set --as-known-at a time before a backfill sees what was"
          + " current then; they take room until dropped.",
      "Training sets --as-known-at spine times from --before on are unchanged; earlier ones no"
          + " longer see the dropped rows. The current history and the online store are not"
          + " touched."
    },
    footerHeading = "%nExample:%n",
    footer = "  soko expire customer_activity --before 2011-06-01")
final class ExpireCommand extends SubCommand {

  @Parameters(index = "0", paramLabel = "GROUP", description = "The group name.")
  private String group;

  @Option(
      names = "--before",
      required = true,
      paramLabel = "TIME",
      description =
          "Drop the rows replaced before this time: 2011-01-31, 2011-01-31T08:00 or an instant.")
  private String before;

  @Mixin private TimezoneOption timezone;

  @Override
  int run() {
    Instant cutoff = timezone.parse(before, "--before");
    long dropped;
    long kept;
    try (StoreSession store = openExistingStore()) {
      dropped = store.expireReplaced(group, cutoff);
      kept = store.describe(group, null).stats().replacedRows();
    }

    timezone.printNotes(err());
    out()
        .println(
            "Dropped "
                + WriteSummary.count(dropped, "row")
                + " of "
                + group
                + " that backfills replaced before "
                + cutoff
                + "; "
                + WriteSummary.count(kept)
                + " such rows kept.");
    return Soko.OK;
  }
}
