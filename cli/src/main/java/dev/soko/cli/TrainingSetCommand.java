package dev.soko.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
      "      --features customer_activity \\",
      "      --features item_popularity:units_7d,buyers_7d \\",
      "      --as-known-at --out training.parquet",
      "  soko training-set --spine labels.csv --timestamp-column at \\",
      "      --features customer_activity --key customer_activity:customer_id=buyer \\",
      "      --out training.csv"
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
      names = "--key",
      paramLabel = "GROUP:KEY=COLUMN",
      description =
          "Read a group's key from a spine column of another name, such as"
              + " customer_orders:customer_id=buyer_id. Repeatable.")
  private List<String> keys = new ArrayList<>();

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
  int run() throws IOException {
    Path spineFile = resolve(spine);
    InputFile spineFormat = InputFile.checkReadable(spineFile, "--spine");
    Path outFile = resolve(out);
    InputFile outFormat = InputFile.checkWritable(outFile, "--out");
    if (!Files.isDirectory(outFile.getParent())) {
      throw new IllegalArgumentException(
          "Cannot write --out "
              + outFile
              + ": the folder "
              + outFile.getParent()
              + " does not exist; create it, or pass a file in an existing folder");
    }

    // An --out that does not exist yet cannot be the spine; one that does may be it by a link.
    if (Files.exists(outFile) && Files.isSameFile(outFile, spineFile)) {
      throw new IllegalArgumentException(
          "Cannot write --out "
              + outFile
              + ": it is the spine file given to --spine, which the training set would overwrite;"
              + " pass another file to --out");
    }

    List<FeatureSelection> selections = new ArrayList<>();
    for (String feature : features) {
      selections.add(FeatureSelection.parse(feature));
    }

    Map<String, Map<String, String>> keyColumns = new LinkedHashMap<>();
    for (String key : keys) {
      KeyColumn column = KeyColumn.parse(key);
      if (selections.stream().noneMatch(s -> s.group().equals(column.group()))) {
        throw new IllegalArgumentException(
            "Cannot read --key '"
                + key
                + "': group '"
                + column.group()
                + "' is not joined; add --features "
                + column.group());
      }

      Map<String, String> columns =
          keyColumns.computeIfAbsent(column.group(), g -> new LinkedHashMap<>());
      if (columns.put(column.key(), column.spineColumn()) != null) {
        throw new IllegalArgumentException(
            "Cannot read --key '" + key + "': key '" + column.key() + "' is mapped twice");
      }
    }

    TrainingSetRequest request =
        new TrainingSetRequest(
            spineFile,
            spineFormat,
            timestampColumn,
            selections,
            keyColumns,
            outFile,
            outFormat,
            asKnownAt,
            strictlyBefore);
    WriteSummary summary;
    try (StoreSession store = openExistingStore();
        Progress progress = progress("training-set", -1)) {
      summary = store.trainingSet(request, timezone.use(err()), progress);
    }

    out()
        .println(
            "Wrote "
                + WriteSummary.count(summary.rows(), "training row")
                + " to "
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

  /**
   * One {@code --key} value: the spine column that holds a group's key.
   *
   * @param group the group name
   * @param key the group's key column
   * @param spineColumn the spine column that holds it
   */
  record KeyColumn(String group, String key, String spineColumn) {

    /**
     * Reads {@code GROUP:KEY=COLUMN}.
     *
     * @throws IllegalArgumentException if a part is missing
     */
    static KeyColumn parse(String text) {
      int colon = text.indexOf(':');
      int equals = text.indexOf('=', Math.max(colon, 0));
      if (colon <= 0 || equals < 0) {
        throw malformed(text);
      }

      KeyColumn column =
          new KeyColumn(
              text.substring(0, colon).strip(),
              text.substring(colon + 1, equals).strip(),
              text.substring(equals + 1).strip());
      if (column.group().isEmpty() || column.key().isEmpty() || column.spineColumn().isEmpty()) {
        throw malformed(text);
      }

      return column;
    }

    private static IllegalArgumentException malformed(String text) {
      return new IllegalArgumentException(
          "Cannot read --key '"
              + text
              + "': write GROUP:KEY=SPINE_COLUMN, such as customer_orders:customer_id=buyer_id");
    }
  }

  /**
   * Everything the store needs to build a training set.
   *
   * @param keyColumns per group, the spine column of each key not named as the key
   */
  record TrainingSetRequest(
      Path spine,
      InputFile spineFormat,
      String timestampColumn,
      List<FeatureSelection> features,
      Map<String, Map<String, String>> keyColumns,
      Path out,
      InputFile outFormat,
      boolean asKnownAt,
      boolean strictlyBefore) {}
}
