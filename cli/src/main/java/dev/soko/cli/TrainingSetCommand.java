package dev.soko.cli;

import dev.soko.GroupSpec;
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
      "The spine's key columns must be named as the groups' keys, or mapped with --key. The"
          + " output has every spine row once, in order, then the features as <group>__<feature>"
          + " (<alias>__<feature> for a join with an alias); its format follows --out's extension."
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  soko training-set --spine labels.csv --timestamp-column snapshot_at \\",
      "      --features customer_activity \\",
      "      --features item_popularity:units_7d,buyers_7d \\",
      "      --as-known-at --out training.parquet",
      "  soko training-set --spine labels.csv --timestamp-column at \\",
      "      --features customer_activity --key customer_activity:customer_id=buyer \\",
      "      --out training.csv",
      "  soko training-set --spine pairs.csv --timestamp-column at \\",
      "      --features buyer=customer_activity --features seller=customer_activity \\",
      "      --key seller:customer_id=seller_id --out training.parquet"
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
      paramLabel = "[ALIAS=]GROUP[:F,...]",
      description =
          "A group's features to join: all of them, or those listed. An alias, a name without"
              + " '__', names the join's columns <alias>__<feature> instead of <group>__<feature>,"
              + " and lets one group be joined twice on different keys. Repeatable.")
  private List<String> features = new ArrayList<>();

  @Option(
      names = "--key",
      paramLabel = "JOIN:KEY=COLUMN",
      description =
          "Read a key of a joined group (named by its alias, if it has one) from a spine column of"
              + " another name, such as customer_orders:customer_id=buyer_id. Repeatable.")
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
    Map<String, String> groupsByName = new LinkedHashMap<>();
    for (String feature : features) {
      FeatureSelection selection = FeatureSelection.parse(feature);
      String group = groupsByName.putIfAbsent(selection.name(), selection.group());
      if (group != null && !group.equals(selection.group())) {
        throw new IllegalArgumentException(
            "Cannot read --features '"
                + feature
                + "': '"
                + selection.name()
                + "' already names the join of group '"
                + group
                + "'; give each join its own alias");
      }

      selections.add(selection);
    }

    Map<String, Map<String, String>> keyColumns = new LinkedHashMap<>();
    for (String key : keys) {
      KeyColumn column = KeyColumn.parse(key);
      if (!groupsByName.containsKey(column.join())) {
        throw unjoined(key, column, selections);
      }

      Map<String, String> columns =
          keyColumns.computeIfAbsent(column.join(), g -> new LinkedHashMap<>());
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
      summary = store.trainingSet(request, timezone.use(), progress);
    }

    timezone.printNotes(err());
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

  private static IllegalArgumentException unjoined(
      String text, KeyColumn column, List<FeatureSelection> selections) {
    List<String> aliases =
        selections.stream()
            .filter(s -> s.group().equals(column.join()))
            .map(FeatureSelection::name)
            .distinct()
            .toList();
    if (aliases.isEmpty()) {
      return new IllegalArgumentException(
          "Cannot read --key '"
              + text
              + "': group '"
              + column.join()
              + "' is not joined; add --features "
              + column.join());
    }

    return new IllegalArgumentException(
        "Cannot read --key '"
            + text
            + "': group '"
            + column.join()
            + "' is joined as '"
            + String.join("', '", aliases)
            + "'; write --key "
            + aliases.get(0)
            + ":"
            + column.key()
            + "="
            + column.spineColumn());
  }

  /**
   * One {@code --features} value: a join of a group, and the features wanted from it.
   *
   * @param name the join's name, which prefixes its output columns: its alias, or the group name
   * @param group the group name
   * @param features the feature names, or empty for all of them
   */
  record FeatureSelection(String name, String group, List<String> features) {

    /**
     * Reads {@code GROUP} or {@code GROUP:F1,F2}, each optionally after {@code ALIAS=}.
     *
     * @throws IllegalArgumentException if the alias, group or a feature name is empty, the text has
     *     more than one {@code =}, or the alias is not a valid name or contains {@code __}
     */
    static FeatureSelection parse(String text) {
      int colon = text.indexOf(':');
      int equals = text.indexOf('=');
      boolean aliased = equals >= 0 && (colon < 0 || equals < colon);
      String alias = aliased ? text.substring(0, equals).strip() : null;
      String rest = aliased ? text.substring(equals + 1) : text;
      colon = rest.indexOf(':');
      String group = (colon < 0 ? rest : rest.substring(0, colon)).strip();
      List<String> names =
          colon < 0
              ? List.of()
              : Arrays.stream(rest.substring(colon + 1).split(",", -1)).map(String::strip).toList();
      if (group.isEmpty()
          || names.contains("")
          || (colon >= 0 && names.isEmpty())
          || (alias != null && alias.isEmpty())) {
        throw new IllegalArgumentException(
            "Cannot read --features '"
                + text
                + "': write GROUP, GROUP:FEATURE,FEATURE or ALIAS=GROUP:FEATURE,FEATURE, such as"
                + " customer_activity:orders_7d");
      }

      if (text.indexOf('=') != text.lastIndexOf('=')) {
        throw new IllegalArgumentException(
            "Cannot read --features '"
                + text
                + "': it has more than one '='; write one alias before the group, as ALIAS=GROUP"
                + " or ALIAS=GROUP:FEATURE,FEATURE, such as seller=customer_activity");
      }

      if (alias != null && !validName(alias)) {
        throw new IllegalArgumentException(
            "Cannot read --features '"
                + text
                + "': the alias '"
                + alias
                + "' is not a valid name; use lower case letters, digits and underscores, starting"
                + " with a letter, at most 63 characters, such as seller");
      }

      if (alias != null && alias.contains("__")) {
        throw new IllegalArgumentException(
            "Cannot read --features '"
                + text
                + "': the alias '"
                + alias
                + "' contains '__', which separates the alias from the feature in the column"
                + " names ALIAS__<feature>; use an alias without '__', such as seller");
      }

      return new FeatureSelection(alias != null ? alias : group, group, names);
    }

    /** Returns whether a name follows the rule of group and column names. */
    private static boolean validName(String name) {
      try {
        GroupSpec.checkName("Alias", name);
        return true;
      } catch (IllegalArgumentException e) {
        return false;
      }
    }

    /** Returns the selection as written, without its alias: {@code GROUP[:F1,F2]}. */
    String groupText() {
      return features.isEmpty() ? group : group + ":" + String.join(",", features);
    }
  }

  /**
   * One {@code --key} value: the spine column that holds a key of a joined group.
   *
   * @param join the join's name: its alias, or the group name
   * @param key the group's key column
   * @param spineColumn the spine column that holds it
   */
  record KeyColumn(String join, String key, String spineColumn) {

    /**
     * Reads {@code JOIN:KEY=COLUMN}.
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
      if (column.join().isEmpty() || column.key().isEmpty() || column.spineColumn().isEmpty()) {
        throw malformed(text);
      }

      return column;
    }

    private static IllegalArgumentException malformed(String text) {
      return new IllegalArgumentException(
          "Cannot read --key '"
              + text
              + "': write JOIN:KEY=COLUMN, JOIN being the join's alias, or its group if it has"
              + " none, such as customer_orders:customer_id=buyer_id");
    }
  }

  /**
   * Everything the store needs to build a training set.
   *
   * @param keyColumns per join name, the spine column of each key not named as the key
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
