package dev.soko.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Appends the rows of a CSV or Parquet file to a group. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Append the rows of a CSV or Parquet file to a feature group (and to its online store when"
          + " online is on).",
      "The file's columns are the group's keys, event time and features, by name; other columns"
          + " are ignored. Rows with the same keys and event time: the last wins."
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  soko ingest customer_activity 2011-01-04.csv --timezone Europe/London",
      "  soko ingest customer_activity activity.parquet"
    })
final class IngestCommand extends SubCommand {

  @Parameters(index = "0", paramLabel = "GROUP", description = "The group to write to.")
  private String group;

  @Parameters(index = "1", paramLabel = "FILE", description = "A .csv or .parquet file.")
  private Path file;

  @Mixin private TimezoneOption timezone;

  @Override
  int run() {
    Path input = resolve(file);
    InputFile format = InputFile.checkReadable(input, "FILE");
    WriteSummary summary;
    try (StoreSession store = openExistingStore();
        Progress progress = progress("ingest " + group, -1)) {
      summary = store.ingest(group, input, format, timezone.use(), progress);
    }

    timezone.printNotes(err());
    out()
        .println(
            "Ingested "
                + WriteSummary.count(summary.rows())
                + (summary.rows() == 1 ? " row into " : " rows into ")
                + group
                + " from "
                + input.getFileName()
                + " in "
                + WriteSummary.seconds(summary.took())
                + (summary.onlineKeys() > 0
                    ? "; "
                        + WriteSummary.count(summary.onlineKeys())
                        + (summary.onlineKeys() == 1 ? " online key" : " online keys")
                        + " updated."
                    : "."));
    return Soko.OK;
  }
}
