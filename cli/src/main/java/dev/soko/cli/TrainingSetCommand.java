package dev.soko.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Builds a point-in-time correct training set from a spine file. */
@Command(
    name = "training-set",
    mixinStandardHelpOptions = true,
    description = {
      "Join features to a spine, point in time: each spine row gets, per group, the row with the"
          + " same keys and the latest event time at or before the spine's timestamp (within the"
          + " TTL), or nulls.",
      "The spine's key columns must be named as the groups' keys. The output has every spine row"
          + " once, in order, then the features as <group>__<feature>; its format follows --out's"
          + " extension."
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  soko training-set --spine labels.csv --timestamp-column snapshot_at \\",
      "      --features customer_activity --features item_popularity:units_7d,buyers_7d \\",
      "      --as-known-at --out training.parquet"
    })
final class TrainingSetCommand extends SubCommand {

  @Option(
      names = "--spine",
      required = true,
      paramLabel = "FILE",
      description = "The spine: a .csv or .parquet file with the key columns and a timestamp.")
  private Path spine;

  @Option(
      names = "--timestamp-column",
      required = true,
      paramLabel = "COLUMN",
      description = "The spine's timestamp column.")
  private String timestampColumn;

  @Option(
      names = "--features",
      required = true,
      paramLabel = "GROUP[:F,...]",
      description = "A group's features to join: all of them, or those listed. Repeatable.")
  private List<String> features = new ArrayList<>();

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "Where to write the training set: a .parquet or .csv file.")
  private Path out;

  @Option(
      names = "--as-known-at",
      description =
          "Use only rows the store had accepted by the spine's timestamp, as the online store"
              + " would have answered then.")
  private boolean asKnownAt;

  @Option(
      names = "--strictly-before",
      description = "Match event times strictly before the spine's timestamp.")
  private boolean strictlyBefore;

  @Mixin private TimezoneOption timezone;

  @Override
  int run() {
    Path spineFile = resolve(spine);
    InputFile spineFormat = InputFile.checkReadable(spineFile, "--spine");
    Path outFile = resolve(out);
    InputFile outFormat = InputFile.checkWritable(outFile, "--out");
    List<FeatureSelection> selections = new ArrayList<>();
    for (String feature : features) {
      selections.add(FeatureSelection.parse(feature));
    }

    TrainingSetRequest request =
        new TrainingSetRequest(
            spineFile,
            spineFormat,
            timestampColumn,
            selections,
            outFile,
            outFormat,
            asKnownAt,
            strictlyBefore);
    WriteSummary summary;
    try (StoreSession store = openStore();
        Progress progress = progress("training-set", -1)) {
      summary = store.trainingSet(request, timezone.use(err()), progress);
    }

    out()
        .println(
            "Wrote "
                + WriteSummary.count(summary.rows())
                + " training rows to "
                + outFile.getFileName()
                + " in "
                + WriteSummary.seconds(summary.took())
                + ".");
    return Soko.OK;
  }

  /**
   * One {@code --features} value: a group and the features wanted from it.
   *
   * @param group the group name
   * @param features the feature names, or empty for all of them
   */
  record FeatureSelection(String group, List<String> features) {

    /**
     * Reads {@code GROUP} or {@code GROUP:F1,F2}.
     *
     * @throws IllegalArgumentException if the group or a feature name is empty
     */
    static FeatureSelection parse(String text) {
      int colon = text.indexOf(':');
      String group = (colon < 0 ? text : text.substring(0, colon)).strip();
      List<String> names =
          colon < 0
              ? List.of()
              : Arrays.stream(text.substring(colon + 1).split(",", -1)).map(String::strip).toList();
      if (group.isEmpty() || names.contains("") || (colon >= 0 && names.isEmpty())) {
        throw new IllegalArgumentException(
            "Cannot read --features '"
                + text
                + "': write GROUP or GROUP:FEATURE,FEATURE, such as customer_activity:orders_7d");
      }

      return new FeatureSelection(group, names);
    }
  }

  /** Everything the store needs to build a training set. */
  record TrainingSetRequest(
      Path spine,
      InputFile spineFormat,
      String timestampColumn,
      List<FeatureSelection> features,
      Path out,
      InputFile outFormat,
      boolean asKnownAt,
      boolean strictlyBefore) {}
}
