package dev.soko;

import static java.util.Objects.requireNonNull;

import dev.soko.internal.ArrowValues;
import dev.soko.internal.ForwardingArrowReader;
import dev.soko.spi.GroupJoin;
import dev.soko.spi.GroupRecord;
import dev.soko.spi.JoinEngine;
import dev.soko.spi.JoinRequest;
import dev.soko.spi.OutputFormat;
import dev.soko.spi.Registry;
import dev.soko.spi.TableSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Field;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A point-in-time correct training set: each spine row with, for each joined group, the feature
 * values in force at the row's timestamp.
 *
 * <p>For each spine row and group, the values are those of the group row with the same keys and the
 * greatest event time at or before the spine timestamp (strictly before, if asked), ties broken by
 * the latest ingestion. They are null when nothing matches, when a key is null, or when the match
 * is older than the group's TTL at the spine timestamp. Every spine row appears exactly once, in
 * spine order, with all its columns, followed by the features as {@code <group>__<feature>} (or
 * {@code <alias>__<feature>}, or the bare feature name with {@link Builder#shortNames()}).
 *
 * <p>Each output runs the join anew, so an output reflects the store as it is then; create one with
 * {@link FeatureStore#trainingSet(Spine)}.
 */
public final class TrainingSet {

  private static final Logger LOG = LoggerFactory.getLogger(TrainingSet.class);

  private final Spine spine;
  private final JoinEngine engine;
  private final List<GroupJoin> groups;
  private final boolean strictlyBefore;
  private final boolean asKnownAt;

  private TrainingSet(
      Spine spine,
      JoinEngine engine,
      List<GroupJoin> groups,
      boolean strictlyBefore,
      boolean asKnownAt) {
    this.spine = spine;
    this.engine = engine;
    this.groups = List.copyOf(groups);
    this.strictlyBefore = strictlyBefore;
    this.asKnownAt = asKnownAt;
  }

  /** Returns the feature column names of the output, after the spine's columns. */
  public List<String> featureColumns() {
    return groups.stream().flatMap(g -> g.outputNames().stream()).toList();
  }

  /**
   * Runs the join and returns its rows as Arrow batches in the allocator. The caller closes the
   * reader.
   *
   * @throws SokoException if the spine lacks its timestamp or a key column, has a row without a
   *     timestamp, or has timestamps without a zone and the spine gives none
   */
  public ArrowReader arrow(BufferAllocator allocator) {
    Checks.given(
        allocator,
        "read the training set as Arrow batches",
        "the allocator",
        "give a BufferAllocator, such as new RootAllocator(), and close it after the reader");
    long start = System.nanoTime();
    List<AutoCloseable> resources = new ArrayList<>();
    try {
      TableSource source = spine.open(allocator, resources);
      ArrowReader reader = engine.join(request(source), allocator);
      return new ForwardingArrowReader(
          reader, allocator, rows -> log(rows, "Arrow batches", start));
    } finally {
      closeAll(resources);
    }
  }

  /**
   * Runs the join and writes its rows to a Parquet file, replacing any file there.
   *
   * @return the number of rows written, which is the number of spine rows
   * @throws SokoException as {@link #arrow(BufferAllocator)}, or if the file cannot be written
   */
  public long writeParquet(Path path) {
    return write(path, OutputFormat.PARQUET);
  }

  /**
   * Runs the join and writes its rows to a CSV file with a header line, replacing any file there.
   * Timestamps are written in ISO-8601 with their offset.
   *
   * @return the number of rows written, which is the number of spine rows
   * @throws SokoException as {@link #arrow(BufferAllocator)}, or if the file cannot be written
   */
  public long writeCsv(Path path) {
    return write(path, OutputFormat.CSV);
  }

  /**
   * Runs the join and returns its rows as typed rows, all in memory: for small sets and tests.
   *
   * @throws SokoException as {@link #arrow(BufferAllocator)}
   */
  public List<TrainingRow> rows() {
    try (BufferAllocator allocator = new RootAllocator();
        ArrowReader reader = arrow(allocator)) {
      VectorSchemaRoot batch = reader.getVectorSchemaRoot();
      TrainingRow.Layout layout = layout(batch.getSchema().getFields());
      List<TrainingRow> rows = new ArrayList<>();
      while (reader.loadNextBatch()) {
        for (int row = 0; row < batch.getRowCount(); row++) {
          @Nullable Object[] values = new Object[batch.getFieldVectors().size()];
          for (int column = 0; column < values.length; column++) {
            FieldVector vector = batch.getVector(column);
            values[column] = ArrowValues.get(vector, row);
          }

          rows.add(new TrainingRow(layout, values));
        }
      }

      return rows;
    } catch (IOException e) {
      throw new SokoException("Cannot read the training set's rows: " + e.getMessage(), e);
    }
  }

  private long write(Path path, OutputFormat format) {
    Checks.given(
        path,
        "write the training set",
        "the path",
        "give the file to write, such as Path.of(\"train."
            + format.name().toLowerCase(java.util.Locale.ROOT)
            + "\")");
    long start = System.nanoTime();
    try (BufferAllocator allocator = new RootAllocator()) {
      List<AutoCloseable> resources = new ArrayList<>();
      try {
        TableSource source = spine.open(allocator, resources);
        long rows = engine.write(request(source), path, format);
        log(rows, path.toString(), start);
        return rows;
      } finally {
        closeAll(resources);
      }
    }
  }

  private JoinRequest request(TableSource source) {
    return new JoinRequest(
        source,
        spine.timestampColumn(),
        spine.zone().orElse(null),
        groups,
        strictlyBefore,
        asKnownAt);
  }

  private TrainingRow.Layout layout(List<Field> fields) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      index.put(fields.get(i).getName(), i);
    }

    Map<String, Map<String, String>> features = new HashMap<>();
    for (GroupJoin group : groups) {
      for (int i = 0; i < group.features().size(); i++) {
        String feature = TrainingRow.featureKey(group.spec(), group.features().get(i));
        features
            .computeIfAbsent(feature, f -> new LinkedHashMap<>())
            .put(group.prefix(), group.outputNames().get(i));
      }
    }

    return new TrainingRow.Layout(
        fields.stream().map(Field::getName).toList(), index, Map.copyOf(features));
  }

  private void log(long rows, String output, long startNanos) {
    LOG.info(
        "Built training set of groups {} ({} rows) into {} in {} ms",
        groups.stream().map(GroupJoin::prefix).toList(),
        rows,
        output,
        (System.nanoTime() - startNanos) / 1_000_000);
  }

  private static void closeAll(List<AutoCloseable> resources) {
    // Close in reverse order of opening: a reader before the batch it reads.
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        LOG.warn("Cannot release a spine resource", e);
      }
    }
  }

  /**
   * Chooses the spine, groups and options of a training set. Builders are immutable: each method
   * returns a new builder.
   */
  public static final class Builder {

    private record Selection(
        String group, @Nullable Integer version, @Nullable String feature, KeyMapping keys) {
      Selection {
        requireNonNull(keys, "keys");
      }
    }

    private final Spine spine;
    private final Registry registry;
    private final JoinEngine engine;
    private final List<Selection> selections;
    private final boolean strictlyBefore;
    private final boolean asKnownAt;
    private final boolean shortNames;

    Builder(Spine spine, Registry registry, JoinEngine engine) {
      this(spine, registry, engine, List.of(), false, false, false);
    }

    private Builder(
        Spine spine,
        Registry registry,
        JoinEngine engine,
        List<Selection> selections,
        boolean strictlyBefore,
        boolean asKnownAt,
        boolean shortNames) {
      this.spine = requireNonNull(spine, "spine");
      this.registry = registry;
      this.engine = engine;
      this.selections = List.copyOf(selections);
      this.strictlyBefore = strictlyBefore;
      this.asKnownAt = asKnownAt;
      this.shortNames = shortNames;
    }

    /** Adds every feature of a group, keyed by spine columns named as the group's keys. */
    public Builder with(GroupDefinition<?> group) {
      return with(group, KeyMapping.keys());
    }

    /** Adds every feature of a group, keyed by spine columns as mapped. */
    public Builder with(GroupDefinition<?> group, KeyMapping keys) {
      Checks.given(
          group,
          "add a group to the training set",
          "the group",
          "give a generated group definition, such as UserEngagementGroup.DEFINITION");
      return add(
          new Selection(
              group.name(), group.version(), null, mapping("group '" + group.name() + "'", keys)));
    }

    /**
     * Adds every feature of the latest applied version of the named group, keyed by spine columns
     * named as the group's keys.
     */
    public Builder with(String group) {
      return with(group, KeyMapping.keys());
    }

    /** Adds every feature of the latest applied version of the named group, keys as mapped. */
    public Builder with(String group, KeyMapping keys) {
      return add(
          new Selection(groupName(group), null, null, mapping("group '" + group + "'", keys)));
    }

    /**
     * Adds one feature, by name, of the latest applied version of the named group, keys as mapped:
     * for tools that know groups by name only, such as the command line. {@link #build()} checks
     * that the feature exists.
     */
    public Builder with(String group, String feature, KeyMapping keys) {
      Checks.named(
          feature,
          "add a feature of group '" + groupName(group) + "' to the training set",
          "the feature name",
          "give the name of one of the group's features");
      return add(
          new Selection(group, null, feature, mapping("feature " + group + "." + feature, keys)));
    }

    /** Adds one feature, keyed by spine columns named as its group's keys. */
    public Builder with(FeatureRef<?> feature) {
      return with(feature, KeyMapping.keys());
    }

    /**
     * Adds one feature, keyed by spine columns as mapped. Features of one group with the same
     * mapping and alias are joined together.
     */
    public Builder with(FeatureRef<?> feature, KeyMapping keys) {
      Checks.given(
          feature,
          "add a feature to the training set",
          "the feature",
          "give a generated feature reference, such as UserEngagementGroup.CLICKS_24H");
      GroupDefinition<?> group = feature.group();
      return add(
          new Selection(
              group.name(), group.version(), feature.name(), mapping("feature " + feature, keys)));
    }

    /** Takes only group rows strictly older than the spine timestamp. */
    public Builder strictlyBefore() {
      return new Builder(spine, registry, engine, selections, true, asKnownAt, shortNames);
    }

    /**
     * Ignores group rows ingested after the spine timestamp, so that the training set shows what
     * the store knew then, and a later write or backfill cannot change it.
     */
    public Builder asKnownAt() {
      return new Builder(spine, registry, engine, selections, strictlyBefore, true, shortNames);
    }

    /**
     * Names feature columns by the feature alone, without the group prefix. Building fails if two
     * features then share a name.
     */
    public Builder shortNames() {
      return new Builder(spine, registry, engine, selections, strictlyBefore, asKnownAt, true);
    }

    /**
     * Checks the choice against the registry and returns the training set. The spine is read only
     * when an output is asked for.
     *
     * @throws SokoException if a group was never applied, a feature or key does not exist, one name
     *     is used for two different joins, or two output columns share a name
     */
    public TrainingSet build() {
      Map<String, Join> joins = new LinkedHashMap<>();
      for (Selection selection : selections) {
        GroupSpec spec = resolve(selection);
        List<String> spineKeys = spineKeys(spec, selection.keys());
        String prefix = selection.keys().alias().orElse(spec.name());
        Join join = joins.computeIfAbsent(prefix, p -> new Join(spec, p, spineKeys));
        if (!join.spec.qualifiedName().equals(spec.qualifiedName())
            || !join.spineKeys.equals(spineKeys)) {
          throw new SokoException(
              "Cannot build training set: '"
                  + prefix
                  + "' names two different joins ("
                  + join.spec.qualifiedName()
                  + " on "
                  + join.spineKeys
                  + ", and "
                  + spec.qualifiedName()
                  + " on "
                  + spineKeys
                  + "); give each its own alias with KeyMapping.as(...)");
        }

        if (selection.feature() == null) {
          spec.features().forEach(f -> join.features.add(f.name()));
        } else if (spec.feature(selection.feature()).isPresent()) {
          join.features.add(selection.feature());
        } else {
          throw new SokoException(
              "Cannot build training set: group '"
                  + spec.name()
                  + "' version "
                  + spec.version()
                  + " in this store has no feature '"
                  + selection.feature()
                  + "'; its features are "
                  + spec.features().stream().map(Column::name).toList());
        }
      }

      return new TrainingSet(spine, engine, groupJoins(joins.values()), strictlyBefore, asKnownAt);
    }

    private static String groupName(@Nullable String group) {
      return Checks.named(
          group,
          "add a group to the training set",
          "the group name",
          "give the name of an applied group, as 'soko list' shows it");
    }

    private static KeyMapping mapping(String joined, @Nullable KeyMapping keys) {
      return Checks.given(
          keys,
          "add " + joined + " to the training set",
          "the key mapping",
          "give KeyMapping.keys(...), or leave it out to look keys up under their own names");
    }

    private Builder add(Selection selection) {
      List<Selection> more = new ArrayList<>(selections);
      more.add(selection);
      return new Builder(spine, registry, engine, more, strictlyBefore, asKnownAt, shortNames);
    }

    private GroupSpec resolve(Selection selection) {
      if (selection.version() != null) {
        return registry
            .find(selection.group(), selection.version())
            .map(GroupRecord::spec)
            .orElseThrow(
                () ->
                    new SokoException(
                        "Cannot build training set: group '"
                            + selection.group()
                            + "' version "
                            + selection.version()
                            + " was never applied to this store; apply it first with"
                            + " FeatureStore.apply"));
      }

      List<GroupRecord> all = registry.list();
      Optional<GroupSpec> latest =
          all.stream()
              .map(GroupRecord::spec)
              .filter(spec -> spec.name().equals(selection.group()))
              .max(Comparator.comparingInt(GroupSpec::version));
      return latest.orElseThrow(
          () ->
              new SokoException(
                  "Cannot build training set: no group named '"
                      + selection.group()
                      + "' was applied to this store"
                      + (all.isEmpty()
                          ? ", which has no groups yet; apply it first with FeatureStore.apply"
                          : "; its groups are "
                              + all.stream().map(r -> r.spec().name()).distinct().toList())));
    }

    private static List<String> spineKeys(GroupSpec spec, KeyMapping keys) {
      for (String key : keys.spineColumns().keySet()) {
        if (!spec.keyNames().contains(key)) {
          throw new SokoException(
              "Cannot build training set: '"
                  + key
                  + "' is not a key of group '"
                  + spec.name()
                  + "'; its keys are "
                  + spec.keyNames());
        }
      }

      return spec.keyNames().stream()
          .map(key -> keys.spineColumns().getOrDefault(key, key))
          .toList();
    }

    private List<GroupJoin> groupJoins(Iterable<Join> joins) {
      Map<String, String> owners = new HashMap<>();
      List<GroupJoin> result = new ArrayList<>();
      for (Join join : joins) {
        List<String> features = List.copyOf(join.features);
        List<String> names = new ArrayList<>();
        for (String feature : features) {
          String name = shortNames ? feature : join.prefix + "__" + feature;
          String owner = join.prefix + "." + feature;
          String previous = owners.putIfAbsent(name, owner);
          if (previous != null) {
            throw new SokoException(
                "Cannot build training set: column name '"
                    + name
                    + "' is ambiguous: features "
                    + previous
                    + " and "
                    + owner
                    + " would both get it; leave one out, give a join an alias, or drop"
                    + " shortNames()");
          }

          names.add(name);
        }

        result.add(new GroupJoin(join.spec, join.prefix, join.spineKeys, features, names));
      }

      return result;
    }

    /** One group under one name, collecting its features as they are added. */
    private static final class Join {
      final GroupSpec spec;
      final String prefix;
      final List<String> spineKeys;
      final Set<String> features = new LinkedHashSet<>();

      Join(GroupSpec spec, String prefix, List<String> spineKeys) {
        this.spec = spec;
        this.prefix = prefix;
        this.spineKeys = spineKeys;
      }
    }
  }
}
