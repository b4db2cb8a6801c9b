package dev.soko.cli;

import dev.soko.ApplyResult;
import dev.soko.Column;
import dev.soko.EntityKey;
import dev.soko.FeatureStore;
import dev.soko.GroupInfo;
import dev.soko.GroupSearch;
import dev.soko.GroupSpec;
import dev.soko.KeyMapping;
import dev.soko.OnlineSwitch;
import dev.soko.SokoException;
import dev.soko.Spine;
import dev.soko.StoreConfig;
import dev.soko.TimeRange;
import dev.soko.TrainingSet;
import dev.soko.WriteResult;
import dev.soko.cli.TrainingSetCommand.FeatureSelection;
import dev.soko.cli.TrainingSetCommand.TrainingSetRequest;
import dev.soko.spi.BackendConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/** The store operations the commands run, over an opened store. */
final class StoreSession implements AutoCloseable {

  private final FeatureStore store;
  private final BufferAllocator allocator = new RootAllocator();

  private StoreSession(FeatureStore store) {
    this.store = store;
  }

  /**
   * Opens the store a configuration file names, or the local store under the working directory.
   *
   * @param configFile the configuration, or null for the local store
   * @throws SokoException if the configuration is wrong or the store cannot be opened
   */
  static StoreSession open(Path configFile, Path workingDirectory) {
    // A builder given the file itself names it in its messages.
    FeatureStore.Builder builder =
        configFile == null
            ? FeatureStore.builder().config(StoreConfig.local(workingDirectory))
            : FeatureStore.builder().config(configFile);
    return new StoreSession(builder.open());
  }

  /**
   * Checks that a local store's file exists, so that a command refused for want of a store does not
   * create one; a store of another type is checked when it opens.
   *
   * @throws SokoException if the local store's file does not exist
   */
  static void requireExisting(Path configFile, Path workingDirectory) {
    Path file = localFile(configFile, workingDirectory);
    if (file == null || Files.isRegularFile(file)) {
      return;
    }

    // A configuration names its store wherever the command runs; only without one does the folder.
    if (configFile != null) {
      throw new SokoException(
          "Cannot open the store: "
              + file
              + ", named by "
              + configFile
              + ", does not exist; create it with 'soko apply JAR' and the same configuration, or"
              + " fix 'path' under 'offline' in "
              + configFile);
    }

    throw new SokoException(
        "Cannot open the store: there is no store here ("
            + file
            + " does not exist); create it with 'soko init' or 'soko apply JAR', or run in the"
            + " folder that holds it");
  }

  /** Returns the file of the local store the configuration names, or null for another type. */
  static Path localFile(Path configFile, Path workingDirectory) {
    BackendConfig offline = config(configFile, workingDirectory).offline();
    if (!offline.type().equals("duckdb")) {
      return null;
    }

    return offline
        .baseDirectory()
        .resolve(offline.setting("path").orElse(StoreConfig.DEFAULT_PATH))
        .normalize();
  }

  /** Returns the configuration a file gives, or the local store's without a file. */
  static StoreConfig config(Path configFile, Path workingDirectory) {
    return configFile == null ? StoreConfig.local(workingDirectory) : StoreConfig.load(configFile);
  }

  /** Applies definitions all at once: when one is refused, none is applied. */
  List<ApplyOutcome> apply(List<GroupSpec> specs) {
    ApplyResult result = store.apply(specs.toArray(GroupSpec[]::new));
    boolean refused = !result.refused().isEmpty();
    List<ApplyOutcome> outcomes = new ArrayList<>();
    for (ApplyResult.Change change : result.changes()) {
      ApplyOutcome.Kind kind =
          switch (change.outcome()) {
            case CREATED -> ApplyOutcome.Kind.CREATED;
            case UPDATED -> ApplyOutcome.Kind.CHANGED;
            case UNCHANGED -> ApplyOutcome.Kind.UNCHANGED;
            case REFUSED -> ApplyOutcome.Kind.REFUSED;
          };
      if (refused && kind != ApplyOutcome.Kind.REFUSED && kind != ApplyOutcome.Kind.UNCHANGED) {
        outcomes.add(
            new ApplyOutcome(
                ApplyOutcome.Kind.SKIPPED,
                change.group(),
                change.version(),
                "would be " + kind.verb() + ", but nothing is applied while a group is refused"));
      } else {
        String detail =
            kind == ApplyOutcome.Kind.CREATED || kind == ApplyOutcome.Kind.UNCHANGED
                ? ""
                : change.message();
        outcomes.add(new ApplyOutcome(kind, change.group(), change.version(), detail));
      }
    }

    return outcomes;
  }

  /** Returns the groups that match the filters, each ignored when null. */
  List<GroupInfo> list(String search, String tag, String owner) {
    return store.search(new GroupSearch(search, tag, owner));
  }

  /** Describes a group, its latest version when none is given. */
  GroupInfo describe(String group, Integer version) {
    if (version == null) {
      return store.describe(requireGroup(group, "describe").name());
    }

    requireGroup(group, "describe");
    List<Integer> versions =
        store.list().stream()
            .map(GroupInfo::spec)
            .filter(spec -> spec.name().equals(group))
            .map(GroupSpec::version)
            .toList();
    if (!versions.contains(version)) {
      throw new SokoException(
          "Cannot describe group '"
              + group
              + "' version "
              + version
              + ": it was never applied; its versions are "
              + versions);
    }

    return store.describe(group, version);
  }

  /**
   * Returns the latest applied version of a group.
   *
   * @param what the command, such as {@code ingest into}, for the message
   * @throws SokoException if no group of that name was applied
   */
  GroupSpec requireGroup(String group, String what) {
    return store.list().stream()
        .map(GroupInfo::spec)
        .filter(spec -> spec.name().equals(group))
        .max(java.util.Comparator.comparingInt(GroupSpec::version))
        .orElseThrow(
            () ->
                new SokoException(
                    "Cannot "
                        + what
                        + " group '"
                        + group
                        + "': no group of that name was applied; run 'soko list' to see the"
                        + " groups, or 'soko apply JAR' to create it"));
  }

  /** Drops the rows of a group that backfills replaced before an instant; returns how many. */
  long expireReplaced(String group, Instant before) {
    return store.expireReplaced(requireGroup(group, "expire the replaced rows of").name(), before);
  }

  /** Appends the rows of a file to a group, in one write. */
  WriteSummary ingest(
      String group, Path file, InputFile format, InputReading reading, Progress progress) {
    long start = System.nanoTime();
    GroupSpec spec = requireGroup(group, "ingest into");
    // One write for the whole file, so that a bad row anywhere leaves nothing written.
    try (VectorSchemaRoot all = readAll(spec, file, format, reading, progress)) {
      WriteResult result = store.write(spec, all);
      progress.done();
      return new WriteSummary(result.rows(), result.online(), since(start));
    }
  }

  /** Replaces a group's rows in a range with the rows of a file, in one atomic step. */
  WriteSummary backfill(
      String group,
      TimeRange range,
      Path file,
      InputFile format,
      boolean allowEmpty,
      InputReading reading,
      Progress progress) {
    long start = System.nanoTime();
    GroupSpec spec = requireGroup(group, "backfill");
    // A backfill states the whole truth for its range: every row goes in one call.
    try (VectorSchemaRoot all = readAll(spec, file, format, reading, progress)) {
      if (all.getRowCount() == 0 && !allowEmpty) {
        throw new SokoException(
            "Cannot backfill "
                + group
                + " "
                + range
                + " from "
                + file.getFileName()
                + ": the file has no rows, and a backfill with none deletes every offline row of"
                + " the range. Pass --allow-empty to delete them, or check the file; nothing was"
                + " changed");
      }

      WriteResult result = store.backfill(spec, range, all);
      progress.done();
      return new WriteSummary(result.rows(), 0, since(start), result.replaced());
    }
  }

  /**
   * Reads a whole file into one batch with the group's columns, noting absent nullable features and
   * zone-less times once the whole file has been read and found valid.
   *
   * <p>Limitation: the whole file is held in memory as one Arrow batch, the price of writing it in
   * one atomic call.
   */
  private VectorSchemaRoot readAll(
      GroupSpec spec, Path file, InputFile format, InputReading reading, Progress progress) {
    try (TableFile table = TableFile.open(file, format)) {
      TableFile.Rows rows = table.readAll(spec, reading.zone(), allocator, progress::advance);
      if (!rows.absent().isEmpty()) {
        reading.note(TableFile.absentNote(file, rows.absent()));
      }

      if (rows.zoneLess()) {
        reading.noteZoneLess();
      }

      return rows.batch();
    }
  }

  /**
   * How a command reads its input: the zone for times written without one, and where to keep what
   * to tell the user about the input once the command has succeeded.
   */
  interface InputReading {

    /** Returns the zone of times written without one. */
    ZoneId zone();

    /**
     * Called when times without a zone were read and used: for rows to store, once the whole file
     * has been read and found valid; for a spine, once the training set is written.
     */
    void noteZoneLess();

    /** Keeps a line about how the input was read, to tell the user once the command succeeded. */
    void note(String line);
  }

  /** Turns online serving on, filling the online store from the offline history. */
  WriteSummary enableOnline(String group, Progress progress) {
    return fillOnline(group, "turn online serving on for", OnlineSwitch::enable, progress);
  }

  /** Refills the online copy of a group whose online serving is on from the offline history. */
  WriteSummary materialize(String group, Progress progress) {
    // Checked here as well as by the store, whose refusal names the Java API as the fix.
    GroupSpec spec = requireGroup(group, "materialize");
    if (!store.describe(spec.name(), spec.version()).online()) {
      throw new SokoException(
          "Cannot materialize group '"
              + group
              + "' online: online serving is off for it; turn it on with 'soko online enable "
              + group
              + "', which materializes it");
    }

    return fillOnline(group, "materialize", OnlineSwitch::materialize, progress);
  }

  private WriteSummary fillOnline(
      String group, String what, ToLongFunction<OnlineSwitch> fill, Progress progress) {
    long start = System.nanoTime();
    long keys = fill.applyAsLong(store.online(requireGroup(group, what).name()));
    progress.advance(keys);
    progress.done();
    return new WriteSummary(0, keys, since(start));
  }

  /** Turns online serving off and deletes the online values. */
  void disableOnline(String group) {
    store.online(requireGroup(group, "turn online serving off for").name()).disable();
  }

  /** Reads the online values of keys given as text, composite parts separated by commas. */
  GetCommand.OnlineValues latest(String group, List<String> keys) {
    GroupSpec spec = requireGroup(group, "read online values of");
    if (!store.describe(spec.name(), spec.version()).online()) {
      throw new SokoException(
          "Cannot read online values of group '"
              + group
              + "': online serving is off for it; turn it on with 'soko online enable "
              + group
              + "'");
    }

    List<String> header = spec.columns().stream().map(Column::name).toList();
    TextTable table = new TextTable(header);
    List<String> missing = new ArrayList<>();
    // Limitation: one online read per key; the store reads many keys at once only by record type.
    for (String text : keys) {
      Optional<Map<String, Object>> values = store.latest(group, key(spec, text));
      if (values.isPresent()) {
        table.add(new ArrayList<>(values.get().values()));
      } else {
        missing.add(text);
      }
    }

    return new GetCommand.OnlineValues(table, missing);
  }

  /**
   * Builds a training set and writes it to a file, noting zone-less spine times once they have been
   * joined.
   */
  WriteSummary trainingSet(TrainingSetRequest request, InputReading reading, Progress progress) {
    long start = System.nanoTime();
    if (store.list().isEmpty()) {
      throw new SokoException(
          "Cannot build training set: the store has no groups; apply your definitions first with"
              + " 'soko apply JAR'");
    }

    boolean zoneLess;
    try (TableFile spine = TableFile.open(request.spine(), request.spineFormat())) {
      if (!spine.columnTypes().containsKey(request.timestampColumn())) {
        throw new SokoException(
            "Cannot build training set: the spine "
                + request.spine()
                + " has no column '"
                + request.timestampColumn()
                + "' (its columns are "
                + String.join(", ", spine.columnTypes().keySet())
                + "); pass the name of its timestamp column to --timestamp-column");
      }

      if (!spine.hasRows()) {
        throw new SokoException(
            "Cannot build training set: the spine "
                + request.spine()
                + " has no rows, and a training set has one row per spine row; give a spine with"
                + " rows");
      }

      if (spine.empty(request.timestampColumn())) {
        throw new SokoException(
            "Cannot build training set: spine column '"
                + request.timestampColumn()
                + "' of "
                + request.spine()
                + " holds no timestamps (it is empty in every row); fill it in, or pass another"
                + " column to --timestamp-column");
      }

      for (FeatureSelection selection : request.features()) {
        checkKeys(request, selection, spine.columnTypes().keySet());
      }

      zoneLess = spine.zoneLess(request.timestampColumn());
    }

    Spine spine =
        (request.spineFormat() == InputFile.CSV
                ? Spine.csv(request.spine(), request.timestampColumn())
                : Spine.parquet(request.spine(), request.timestampColumn()))
            .zone(reading.zone());
    TrainingSet.Builder builder = store.trainingSet(spine);
    for (FeatureSelection selection : request.features()) {
      KeyMapping keys = keyMapping(request.keyColumns().get(selection.name())).as(selection.name());
      builder =
          selection.features().isEmpty()
              ? builder.with(selection.group(), keys)
              : with(builder, selection, keys);
    }

    if (request.asKnownAt()) {
      builder = builder.asKnownAt();
    }

    if (request.strictlyBefore()) {
      builder = builder.strictlyBefore();
    }

    TrainingSet set = builder.build();
    long rows =
        request.outFormat() == InputFile.CSV
            ? set.writeCsv(request.out())
            : set.writeParquet(request.out());
    // Only now is it known that the times were read as timestamps, not refused.
    if (zoneLess) {
      reading.noteZoneLess();
    }

    progress.advance(rows);
    progress.done();
    return new WriteSummary(rows, 0, since(start));
  }

  @Override
  public void close() {
    try {
      store.close();
    } finally {
      allocator.close();
    }
  }

  private static TrainingSet.Builder with(
      TrainingSet.Builder builder, FeatureSelection selection, KeyMapping keys) {
    TrainingSet.Builder more = builder;
    for (String feature : selection.features()) {
      more = more.with(selection.group(), feature, keys);
    }

    return more;
  }

  private static KeyMapping keyMapping(Map<String, String> columns) {
    if (columns == null) {
      return KeyMapping.keys();
    }

    List<String> pairs = new ArrayList<>();
    columns.forEach(
        (key, column) -> {
          pairs.add(key);
          pairs.add(column);
        });
    return KeyMapping.keys(pairs.toArray(String[]::new));
  }

  /**
   * Checks that the spine holds each key of a joined group, under its own name or the one {@code
   * --key} gives, and no column of the name of one of its feature columns; an unknown group or
   * feature is left for the store to report.
   */
  private void checkKeys(
      TrainingSetRequest request, FeatureSelection selection, java.util.Set<String> spineColumns) {
    String group = selection.group();
    Optional<GroupSpec> found =
        store.list().stream()
            .map(GroupInfo::spec)
            .filter(spec -> spec.name().equals(group))
            .max(java.util.Comparator.comparingInt(GroupSpec::version));
    if (found.isEmpty()) {
      return;
    }

    GroupSpec spec = found.get();
    for (Column feature : spec.features()) {
      String output = selection.name() + "__" + feature.name();
      boolean chosen =
          selection.features().isEmpty() || selection.features().contains(feature.name());
      // DuckDB's names ignore case, so Country and country clash.
      if (chosen && spineColumns.stream().anyMatch(column -> column.equalsIgnoreCase(output))) {
        throw new SokoException(
            "Cannot build training set: feature column '"
                + output
                + "' has the name of a column of the spine "
                + request.spine()
                + "; name the join with --features ALIAS="
                + selection.groupText()
                + ", whose columns are then ALIAS__<feature>, or rename the spine column");
      }
    }

    Map<String, String> mapped = request.keyColumns().getOrDefault(selection.name(), Map.of());
    for (String key : mapped.keySet()) {
      if (!spec.keyNames().contains(key)) {
        throw new SokoException(
            "Cannot build training set: --key names '"
                + key
                + "', which is not a key of group '"
                + group
                + "'; its keys are "
                + String.join(", ", spec.keyNames()));
      }
    }

    for (String key : spec.keyNames()) {
      String column = mapped.getOrDefault(key, key);
      if (!spineColumns.contains(column)) {
        if (mapped.containsKey(key)) {
          throw new SokoException(
              "Cannot build training set: the column '"
                  + column
                  + "' named by --key "
                  + selection.name()
                  + ":"
                  + key
                  + "="
                  + column
                  + " is not in the spine "
                  + request.spine()
                  + " (its columns are "
                  + String.join(", ", spineColumns)
                  + "); check the name");
        }

        throw new SokoException(
            "Cannot build training set: the spine "
                + request.spine()
                + " has no column '"
                + column
                + "' for key '"
                + key
                + "' of group '"
                + group
                + "' (its columns are "
                + String.join(", ", spineColumns)
                + "); rename the spine column that holds it to '"
                + key
                + "', or name that column with --key "
                + selection.name()
                + ":"
                + key
                + "=COLUMN");
      }
    }
  }

  /**
   * Reads a key given as text: its parts in key order, separated by commas, each of its column's
   * type.
   *
   * @throws IllegalArgumentException if the number of parts or a number is wrong
   */
  static EntityKey key(GroupSpec spec, String text) {
    String[] parts = spec.keys().size() == 1 ? new String[] {text} : text.split(",", -1);
    if (parts.length != spec.keys().size()) {
      throw new IllegalArgumentException(
          "Key '"
              + text
              + "' has "
              + parts.length
              + " parts, but group '"
              + spec.name()
              + "' has "
              + spec.keys().size()
              + " key columns "
              + spec.keyNames()
              + "; write them in that order, separated by commas");
    }

    List<Object> values = new ArrayList<>(parts.length);
    for (int i = 0; i < parts.length; i++) {
      Column column = spec.keys().get(i);
      String part = parts[i].strip();
      try {
        values.add(
            switch (column.type()) {
              case INT -> Integer.valueOf(part);
              case LONG -> Long.valueOf(part);
              default -> part;
            });
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "Key part '"
                + part
                + "' is not a whole number, but key column '"
                + column.name()
                + "' of group '"
                + spec.name()
                + "' is "
                + column.type().name().toLowerCase(java.util.Locale.ROOT),
            e);
      }
    }

    return new EntityKey(values);
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
