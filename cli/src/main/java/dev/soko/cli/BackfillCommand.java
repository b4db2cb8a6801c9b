package dev.soko.cli;

import dev.soko.TimeRange;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Replaces a group's offline rows in a time range with the rows of a file. */
@Command(
    name = "backfill",
    mixinStandardHelpOptions = true,
    description = {
      "Replace, in one atomic step, every offline row of a group whose event time is in"
          + " [--from, --to) with the rows of a CSV or Parquet file. Running it twice leaves the"
          + " same rows; the online store is not touched.",
      "Every row of the file must lie in the range; two rows with the same keys and event time"
          + " are refused. A file with no rows is refused too, unless --allow-empty says to"
          + " delete the range."
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  soko backfill customer_activity --from 2011-01-01 --to 2011-02-01 \\",
      "      january.parquet",
      "  soko backfill customer_activity --from 2011-01-01T00:00:00Z \\",
      "      --to 2011-01-08T00:00:00Z week.csv"
    })
final class BackfillCommand extends SubCommand {

  @Parameters(index = "0", paramLabel = "GROUP", description = "The group to backfill.")
  private String group;

  @Parameters(index = "1", paramLabel = "FILE", description = "A .csv or .parquet file.")
  private Path file;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "TIME",
      description = "The start of the range, included: 2011-01-31, 2011-01-31T08:00 or an instant.")
  private String from;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "TIME",
      description = "The end of the range, excluded.")
  private String to;

  @Option(
      names = "--allow-empty",
      description = "Accept a file with no rows, which deletes every offline row of the range.")
  private boolean allowEmpty;

  @Mixin private TimezoneOption timezone;

  @Override
  int run() {
    Instant start = timezone.parse(from, "--from");
    Instant end = timezone.parse(to, "--to");
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException(
          "--from "
              + start
              + " is not before --to "
              + end
              + ": pass a --from earlier than --to (the range is [from, to))");
    }

    TimeRange range = TimeRange.of(start, end);
    Path input = resolve(file);
    InputFile format = InputFile.checkReadable(input, "FILE");
    WriteSummary summary;
    try (StoreSession store = openExistingStore();
        Progress progress = progress("backfill " + group, -1)) {
      summary = store.backfill(group, range, input, format, allowEmpty, timezone.use(), progress);
    }

    timezone.printNotes(err());
    out()
        .println(
            "Backfilled "
                + group
                + " "
                + range
                + " with "
                + WriteSummary.count(summary.rows(), "row")
                + ", replacing "
                + WriteSummary.count(summary.replaced())
                + ", from "
                + input.getFileName()
                + " in "
                + WriteSummary.seconds(summary.took())
                + ".");
    return Soko.OK;
  }
}
