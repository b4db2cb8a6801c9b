package dev.soko;

import dev.soko.spi.Backend;
import dev.soko.spi.GroupRecord;
import dev.soko.spi.JoinEngine;
import dev.soko.spi.OfflineStore;
import dev.soko.spi.OnlineRow;
import dev.soko.spi.OnlineStore;
import dev.soko.spi.Registry;
import dev.soko.spi.Replacement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A feature store: the offline history, the online values and the registry of feature groups.
 *
 * <pre>{@code
 * try (FeatureStore store = FeatureStore.open()) {
 *   store.apply(UserEngagementGroup.DEFINITION);
 *   UserEngagementWriter.of(store).write(rows);
 * }
 * }</pre>
 *
 * <p>The store checks every input and applies the shared semantics before any backend sees it: a
 * null key or event time, or a batch of another group, is rejected with nothing written; in one
 * write the last of several rows with the same keys and event time wins; a backfill row outside its
 * range or a repeated (keys, event time) rejects the whole backfill; online reads apply the TTL.
 *
 * <p>A store is safe for use by several threads. Applying definitions, writes, backfills and
 * turning online serving on or off run one at a time; online reads ({@code latest}) never wait for
 * each other in the store, and run alongside those operations as far as the backend allows.
 */
public final class FeatureStore implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FeatureStore.class);

  /** An instant after every event time a store can hold (timestamps in microseconds). */
  private static final Instant END_OF_TIME = Instant.parse("+294000-01-01T00:00:00Z");

  private static final String CONFIG_FIX =
      "give the path of a soko.yaml, or call open() to use ./soko.yaml or the local store";

  private static final String DEFINITION_FIX =
      "give a generated group definition, such as UserEngagementGroup.DEFINITION";

  private static final String SPEC_FIX =
      "give the group's spec, such as UserEngagementGroup.DEFINITION.spec(), or its name";

  private final List<Backend> backends;
  private final Backend offlineBackend;
  private final OfflineStore offline;
  private final OnlineStore online;
  private final Registry registry;
  private final Clock clock;
  private final BufferAllocator allocator;
  private final Map<String, Instant> lastStamps = new LinkedHashMap<>();

  private FeatureStore(
      List<Backend> backends,
      Backend offlineBackend,
      OnlineStore online,
      OfflineStore offline,
      Registry registry,
      Clock clock) {
    this.backends = backends;
    this.offlineBackend = offlineBackend;
    this.offline = offline;
    this.online = online;
    this.registry = registry;
    this.clock = clock;
    this.allocator = new RootAllocator();
  }

  /**
   * Opens the store configured by {@code soko.yaml} in the working directory, or, without that
   * file, the local store {@code .soko/soko.duckdb} there.
   *
   * @throws SokoException if the configuration is wrong or a backend cannot be opened
   */
  public static FeatureStore open() {
    Path file = Path.of(StoreConfig.FILE_NAME);
    return Files.isRegularFile(file)
        ? builder().config(file).open()
        : builder().config(StoreConfig.local(Path.of(""))).open();
  }

  /**
   * Opens the store a configuration file describes.
   *
   * @throws SokoException if the configuration is wrong or a backend cannot be opened
   */
  public static FeatureStore open(Path configFile) {
    Checks.given(configFile, "open the store", "the configuration file", CONFIG_FIX);
    return builder().config(configFile).open();
  }

  /** Returns a builder, for a store with settings other than the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Settings of a store to open. */
  public static final class Builder {

    private @Nullable StoreConfig config;
    private @Nullable Path configFile;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Uses a configuration file, such as {@code soko.yaml}. */
    public Builder config(Path configFile) {
      Checks.given(configFile, "open the store", "the configuration file", CONFIG_FIX);
      this.config = StoreConfig.load(configFile);
      this.configFile = configFile;
      return this;
    }

    /** Uses a configuration. */
    public Builder config(StoreConfig storeConfig) {
      this.config =
          Checks.given(
              storeConfig,
              "open the store",
              "the configuration",
              "give one, such as StoreConfig.local(Path.of(\"\")), or leave config(...) out");
      this.configFile = null;
      return this;
    }

    /**
     * Uses a clock for ingestion times and for the TTL of online reads; tests give a fixed one.
     * Defaults to the system clock in UTC.
     */
    public Builder clock(Clock storeClock) {
      this.clock =
          Checks.given(
              storeClock,
              "open the store",
              "the clock",
              "give one, such as Clock.systemUTC(), or leave clock(...) out");
      return this;
    }

    /**
     * Opens the store. Without a configuration, opens the local store under {@code .soko/} in the
     * working directory.
     *
     * @throws SokoException if a backend cannot be opened
     */
    public FeatureStore open() {
      StoreConfig storeConfig = config != null ? config : StoreConfig.local(Path.of(""));
      String source = configFile != null ? configFile.toString() : "the store configuration";
      List<Backend> opened = new ArrayList<>();
      try {
        Backend offlineBackend = Backends.open(storeConfig.offline(), "offline", source);
        opened.add(offlineBackend);
        Backend onlineBackend = offlineBackend;
        if (!storeConfig.shared()) {
          onlineBackend = Backends.open(storeConfig.online(), "online", source);
          opened.add(onlineBackend);
        }

        OfflineStore offline =
            offlineBackend
                .offline()
                .orElseThrow(() -> missing(storeConfig.offline().type(), "an offline store"));
        OnlineStore online =
            onlineBackend
                .online()
                .orElseThrow(() -> missing(storeConfig.online().type(), "an online store"));
        Registry registry =
            offlineBackend
                .registry()
                .or(onlineBackend::registry)
                .orElseThrow(() -> missing(storeConfig.offline().type(), "a registry"));
        return new FeatureStore(
            List.copyOf(opened), offlineBackend, online, offline, registry, clock);
      } catch (RuntimeException e) {
        opened.forEach(Backend::close);
        throw e;
      }
    }

    private static SokoException missing(String type, String what) {
      return new SokoException(
          "Cannot open the store: backend type '" + type + "' has no " + what + ".");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Registry

  /**
   * Applies definitions: creates new groups, changes compatible ones in place without touching
   * their data, and refuses breaking changes. When any is refused, none is applied.
   *
   * @return what happened to each group; see {@link ApplyResult#orThrow()}
   */
  public ApplyResult apply(GroupDefinition<?>... definitions) {
    Checks.given(definitions, "apply groups", "the array of definitions", DEFINITION_FIX);
    GroupSpec[] specs = new GroupSpec[definitions.length];
    for (int i = 0; i < definitions.length; i++) {
      specs[i] =
          Checks.given(definitions[i], "apply groups", "definition " + (i + 1), DEFINITION_FIX)
              .spec();
    }

    return apply(specs);
  }

  /**
   * Applies group specs; see {@link #apply(GroupDefinition[])}.
   *
   * @return what happened to each group
   */
  public synchronized ApplyResult apply(GroupSpec... specs) {
    checkSpecs(specs);
    long start = System.nanoTime();
    List<ApplyResult.Change> changes = new ArrayList<>();
    Set<String> names = new HashSet<>();
    registry.list().forEach(r -> names.add(r.spec().name()));
    Arrays.stream(specs).forEach(spec -> names.add(spec.name()));
    for (GroupSpec spec : specs) {
      Optional<GroupRecord> applied = registry.find(spec.name(), spec.version());
      Optional<String> conflict =
          applied.isEmpty() ? offline.conflict(spec, names) : Optional.empty();
      if (conflict.isPresent()) {
        changes.add(change(spec, ApplyResult.Outcome.REFUSED, conflict.get()));
      } else if (applied.isEmpty()) {
        changes.add(change(spec, ApplyResult.Outcome.CREATED, "created"));
      } else if (applied.get().spec().equals(spec)) {
        changes.add(change(spec, ApplyResult.Outcome.UNCHANGED, "unchanged"));
      } else {
        String refusal = Compatibility.breaking(applied.get().spec(), spec);
        changes.add(
            refusal != null
                ? change(spec, ApplyResult.Outcome.REFUSED, refusal)
                : change(
                    spec,
                    ApplyResult.Outcome.UPDATED,
                    Compatibility.changes(applied.get().spec(), spec)));
      }
    }

    ApplyResult result = new ApplyResult(changes);
    if (!result.refused().isEmpty()) {
      LOG.info(
          "Refused to apply {} groups ({} refused, nothing applied) in {} ms",
          specs.length,
          result.refused().size(),
          millis(start));
      return result;
    }

    for (int i = 0; i < specs.length; i++) {
      GroupSpec spec = specs[i];
      Instant now = clock.instant();
      switch (changes.get(i).outcome()) {
        case CREATED -> {
          offline.create(spec);
          registry.put(new GroupRecord(spec, false, now, now));
          if (spec.online()) {
            enableOnline(spec);
          }
        }
        case UPDATED -> {
          GroupRecord old = registry.find(spec.name(), spec.version()).orElseThrow();
          offline.create(spec);
          if (online.exists(spec)) {
            online.create(spec);
          }

          registry.put(new GroupRecord(spec, old.online(), old.createdAt(), now));
        }
        default -> {}
      }
    }

    LOG.info("Applied {} groups ({}) in {} ms", specs.length, summary(changes), millis(start));
    return result;
  }

  /** Returns every applied group, by name then version. */
  public List<GroupInfo> list() {
    return search(GroupSearch.all());
  }

  /**
   * Returns the groups whose name, description, owner, tags, or feature names or descriptions
   * contain the text, ignoring case.
   */
  public List<GroupInfo> search(String text) {
    Checks.given(text, "search groups", "the text", "give words to find, or call list() for all");
    return search(GroupSearch.text(text));
  }

  /** Returns the groups that match a search, by name then version. */
  public List<GroupInfo> search(GroupSearch search) {
    Checks.given(
        search,
        "search groups",
        "the search",
        "give one, such as GroupSearch.all().withTag(\"user\")");
    // Limitation: statistics are read for every group listed, one query each.
    return registry.list().stream()
        .filter(r -> search.matches(r.spec()))
        .sorted(
            Comparator.comparing((GroupRecord r) -> r.spec().name())
                .thenComparingInt(r -> r.spec().version()))
        .map(this::info)
        .toList();
  }

  /**
   * Describes the latest applied version of a group.
   *
   * @throws SokoException if no group of that name was applied
   */
  public GroupInfo describe(String name) {
    checkName(name, "describe a group");
    return info(latestVersion(name, "describe group '" + name + "'"));
  }

  /**
   * Describes one version of a group.
   *
   * @throws SokoException if that version was never applied
   */
  public GroupInfo describe(String name, int version) {
    checkName(name, "describe a group");
    return info(
        registry
            .find(name, version)
            .orElseThrow(
                () ->
                    new SokoException(
                        "Cannot describe group '"
                            + name
                            + "' version "
                            + version
                            + ": it was never applied. Apply it first, or list the applied"
                            + " groups with list().")));
  }

  // ---------------------------------------------------------------------------------------------
  // Writes

  /**
   * Appends rows to the group's offline history, and to its online store when online is on. In one
   * call, the last of several rows with the same keys and event time wins.
   *
   * @throws SokoException if a row has a null key or event time, or is of another record type, or
   *     the group was never applied; nothing is written then
   */
  public <R extends Record> WriteResult write(GroupDefinition<R> group, List<R> rows) {
    Checks.given(group, "write rows", "the group", DEFINITION_FIX);
    String what = "write to group '" + group.name() + "'";
    given(rows, "rows", what);
    checkRecords(group, rows, what);
    try (VectorSchemaRoot batch = group.toArrow(rows, allocator)) {
      return write(group.spec(), batch);
    }
  }

  /**
   * Appends an Arrow batch to the group's offline history, and to its online store when online is
   * on. The batch must hold exactly the group's columns, in any order. The caller keeps owning the
   * batch.
   *
   * @throws SokoException if the batch does not fit the group, a key or event time is null, or the
   *     group was never applied; nothing is written then. If only the online write fails, the
   *     message says that the offline write succeeded and how to repair the online copy.
   */
  public synchronized WriteResult write(GroupSpec group, VectorSchemaRoot batch) {
    Checks.given(group, "write a batch", "the group", SPEC_FIX);
    long start = System.nanoTime();
    String what = "write to group '" + group.name() + "' version " + group.version();
    given(batch, "batch", what);
    GroupRecord record = requireApplied(group, what);
    GroupSpec spec = record.spec();
    VectorSchemaRoot view = Batches.conform(spec, batch, what);
    Batches.checkNulls(spec, view, what);
    Batches.checkFloatArrays(spec, view, what);
    int[] keep = Batches.lastOfEach(spec, view);
    try (VectorSchemaRoot reduced = keep == null ? null : Batches.select(view, keep, allocator)) {
      VectorSchemaRoot rows = reduced == null ? view : reduced;
      if (rows.getRowCount() == 0) {
        return new WriteResult(spec.name(), 0, 0, took(start));
      }

      Instant stamp = stamp(spec);
      long written = offline.append(spec, rows, stamp);
      long onlineKeys = record.online() ? writeOnline(spec, rows, stamp, written) : 0;
      WriteResult result = new WriteResult(spec.name(), written, onlineKeys, took(start));
      LOG.info(
          "Wrote {} rows to group {} ({} online keys) in {} ms",
          written,
          spec.qualifiedName(),
          onlineKeys,
          millis(start));
      return result;
    }
  }

  /**
   * Appends an Arrow batch to the latest applied version of a group; see {@link #write(GroupSpec,
   * VectorSchemaRoot)}.
   */
  public WriteResult write(String group, VectorSchemaRoot batch) {
    checkName(group, "write a batch");
    return write(latestVersion(group, "write to group '" + group + "'").spec(), batch);
  }

  /**
   * Replaces, in one atomic step, every offline row of the group whose event time is in the range
   * with the given rows. The online store is not touched. Running the same backfill twice leaves
   * the same state.
   *
   * @throws SokoException if a row lies outside the range, two rows have the same keys and event
   *     time, a key or event time is null, or the group was never applied; nothing is written then
   */
  public <R extends Record> WriteResult backfill(
      GroupDefinition<R> group, TimeRange range, List<R> rows) {
    Checks.given(group, "backfill rows", "the group", DEFINITION_FIX);
    String what = "backfill group '" + group.name() + "'";
    given(range, "range", what);
    given(rows, "rows", what);
    checkRecords(group, rows, what);
    try (VectorSchemaRoot batch = group.toArrow(rows, allocator)) {
      return backfill(group.spec(), range, batch);
    }
  }

  /**
   * Replaces the offline rows of the range with an Arrow batch; see {@link
   * #backfill(GroupDefinition, TimeRange, List)}. The caller keeps owning the batch.
   */
  public synchronized WriteResult backfill(
      GroupSpec group, TimeRange range, VectorSchemaRoot batch) {
    Checks.given(group, "backfill a batch", "the group", SPEC_FIX);
    long start = System.nanoTime();
    String what = "backfill group '" + group.name() + "' version " + group.version();
    given(range, "range", what);
    given(batch, "batch", what);
    GroupSpec spec = requireApplied(group, what).spec();
    VectorSchemaRoot view = Batches.conform(spec, batch, what);
    Batches.checkNulls(spec, view, what);
    Batches.checkFloatArrays(spec, view, what);
    Batches.checkBackfill(spec, view, range, what);
    Replacement replacement = offline.replace(spec, range, view, stamp(spec));
    LOG.info(
        "Backfilled {} rows into group {} for {}, replacing {}, in {} ms",
        replacement.written(),
        spec.qualifiedName(),
        range,
        replacement.removed(),
        millis(start));
    return new WriteResult(
        spec.name(), replacement.written(), 0, took(start), replacement.removed());
  }

  /**
   * Replaces the offline rows of the range in the latest applied version of a group; see {@link
   * #backfill(GroupSpec, TimeRange, VectorSchemaRoot)}.
   */
  public WriteResult backfill(String group, TimeRange range, VectorSchemaRoot batch) {
    checkName(group, "backfill a batch");
    return backfill(latestVersion(group, "backfill group '" + group + "'").spec(), range, batch);
  }

  /**
   * Drops the rows of the latest applied version of a group that backfills changed or removed
   * before an instant. The store keeps such rows so that a training set "as known at" a time before
   * a backfill sees what was current then; they take room until dropped. Training sets "as known
   * at" spine times at or after the instant are unchanged; at earlier spine times they may no
   * longer see the dropped rows. The current history and the online store are not touched.
   *
   * @return how many rows were dropped
   * @throws SokoException if the group was never applied
   */
  public synchronized long expireReplaced(String group, Instant before) {
    // Limitation: only the latest version's replaced rows; an older version's stay.
    checkName(group, "expire replaced rows");
    long start = System.nanoTime();
    String what = "expire the replaced rows of group '" + group + "'";
    given(before, "the instant", what);
    GroupSpec spec = latestVersion(group, what).spec();
    long dropped = offline.expireReplaced(spec, before);
    LOG.info(
        "Expired {} replaced rows of group {} replaced before {} in {} ms",
        dropped,
        spec.qualifiedName(),
        before,
        millis(start));
    return dropped;
  }

  // ---------------------------------------------------------------------------------------------
  // Online

  /** Returns the switch that turns online serving of a group on or off. */
  public OnlineSwitch online(GroupDefinition<?> group) {
    Checks.given(group, "switch online serving", "the group", DEFINITION_FIX);
    return new OnlineSwitch(this, group.spec());
  }

  /**
   * Returns the switch of the latest applied version of a group.
   *
   * @throws SokoException if no group of that name was applied
   */
  public OnlineSwitch online(String group) {
    checkName(group, "switch online serving");
    return new OnlineSwitch(
        this, latestVersion(group, "switch online serving of group '" + group + "'").spec());
  }

  /**
   * Returns the online value of one key, if one within the TTL exists.
   *
   * @throws SokoException if online serving is off for the group, or it was never applied
   */
  public <R extends Record> Optional<R> latest(GroupDefinition<R> group, EntityKey key) {
    Checks.given(group, "read the latest values of a group", "the group", DEFINITION_FIX);
    given(key, "key", "read the latest values of group '" + group.name() + "'");
    return latest(group, Arrays.asList(key)).values().stream().findFirst();
  }

  /**
   * Returns the online values of many keys, in the order given, leaving out absent keys.
   *
   * @throws SokoException if online serving is off for the group, or it was never applied
   */
  public <R extends Record> Map<EntityKey, R> latest(
      GroupDefinition<R> group, Collection<EntityKey> keys) {
    Checks.given(group, "read the latest values of a group", "the group", DEFINITION_FIX);
    given(keys, "keys", "read the latest values of group '" + group.name() + "'");
    Map<EntityKey, R> result = new LinkedHashMap<>();
    readOnline(group.spec(), keys)
        .forEach((key, values) -> result.put(key, group.fromValues(values)));
    return result;
  }

  /**
   * Returns the online value of one key of the latest applied version of a group, as column names
   * to plain values (see {@link GroupDefinition}), in column order.
   *
   * @throws SokoException if online serving is off for the group, or it was never applied
   */
  public Optional<Map<String, @Nullable Object>> latest(String group, EntityKey key) {
    checkName(group, "read the latest values of a group");
    given(key, "key", "read the latest values of group '" + group + "'");
    GroupSpec spec = latestVersion(group, "read the latest values of group '" + group + "'").spec();
    return readOnline(spec, Arrays.asList(key)).values().stream()
        .findFirst()
        .map(
            values -> {
              Map<String, @Nullable Object> named = new LinkedHashMap<>();
              List<Column> columns = spec.columns();
              for (int i = 0; i < columns.size(); i++) {
                named.put(columns.get(i).name(), values[i]);
              }

              return named;
            });
  }

  // ---------------------------------------------------------------------------------------------
  // Offline reads

  /**
   * Returns the deduplicated offline history of the group in the range, ordered by key then event
   * time: for each keys and event time, the row ingested last.
   *
   * @throws SokoException if the group was never applied
   */
  public <R extends Record> List<R> history(GroupDefinition<R> group, TimeRange range) {
    Checks.given(group, "read the history of a group", "the group", DEFINITION_FIX);
    String what = "read the history of group '" + group.name() + "'";
    given(range, "range", what);
    GroupSpec spec = requireApplied(group.spec(), what).spec();
    return records(group, what, () -> offline.history(spec, range, allocator));
  }

  /**
   * Reads the deduplicated offline history of the latest applied version of a group in the range,
   * as Arrow batches of its columns and {@value GroupSpec#INGESTED_AT}. The caller closes the
   * reader.
   *
   * @throws SokoException if no group of that name was applied
   */
  public ArrowReader history(String group, TimeRange range) {
    checkName(group, "read the history of a group");
    given(range, "range", "read the history of group '" + group + "'");
    long start = System.nanoTime();
    GroupSpec spec = latestVersion(group, "read the history of group '" + group + "'").spec();
    ArrowReader reader = offline.history(spec, range, allocator);
    LOG.info(
        "Read the history of group {} for {} in {} ms", spec.qualifiedName(), range, millis(start));
    return reader;
  }

  /**
   * Returns, for each key, the offline row in force at the instant: the greatest event time at or
   * before it, ties to the latest ingested, left out when older than the TTL.
   *
   * @throws SokoException if the group was never applied
   */
  public <R extends Record> List<R> asOf(GroupDefinition<R> group, Instant instant) {
    Checks.given(group, "read a group as of an instant", "the group", DEFINITION_FIX);
    String what = "read group '" + group.name() + "' as of " + instant;
    given(instant, "instant", what);
    GroupSpec spec = requireApplied(group.spec(), what).spec();
    return records(group, what, () -> offline.latest(spec, instant, allocator));
  }

  /**
   * Starts a point-in-time correct training set over the spine; choose the features and options on
   * the returned builder.
   */
  public TrainingSet.Builder trainingSet(Spine spine) {
    given(spine, "spine", "build a training set");
    JoinEngine engine =
        joinEngine()
            .orElseThrow(
                () ->
                    new SokoException(
                        "Cannot build a training set: the offline backend has no join engine"));
    return new TrainingSet.Builder(spine, registry, engine);
  }

  /**
   * Reads, for each key of the latest applied version of a group, the offline row in force at the
   * instant, as Arrow batches. The caller closes the reader.
   *
   * @throws SokoException if no group of that name was applied
   */
  public ArrowReader asOf(String group, Instant instant) {
    checkName(group, "read a group as of an instant");
    given(instant, "instant", "read group '" + group + "' as of an instant");
    long start = System.nanoTime();
    GroupSpec spec = latestVersion(group, "read group '" + group + "'").spec();
    ArrowReader reader = offline.latest(spec, instant, allocator);
    LOG.info("Read group {} as of {} in {} ms", spec.qualifiedName(), instant, millis(start));
    return reader;
  }

  /** Closes the backends. Readers handed out must be closed before. */
  @Override
  public void close() {
    for (Backend backend : backends) {
      try {
        backend.close();
      } catch (RuntimeException e) {
        LOG.warn("Cannot close a backend", e);
      }
    }

    try {
      allocator.close();
    } catch (IllegalStateException e) {
      LOG.warn("Cannot release all Arrow memory: a reader was left open", e);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // For the rest of the runtime

  /** Returns the join engine of the offline backend, if it has one. */
  Optional<JoinEngine> joinEngine() {
    return offlineBackend.joinEngine();
  }

  /** Returns the store's Arrow allocator. */
  BufferAllocator allocator() {
    return allocator;
  }

  /** Returns the store's clock. */
  Clock clock() {
    return clock;
  }

  /** Returns the online store. */
  OnlineStore onlineStore() {
    return online;
  }

  /**
   * Returns the registry's record of the group, checking that the spec has the applied columns.
   *
   * @throws SokoException if the group was never applied, or its columns differ from the applied
   */
  GroupRecord requireApplied(GroupSpec spec, String what) {
    GroupRecord record =
        registry
            .find(spec.name(), spec.version())
            .orElseThrow(
                () ->
                    new SokoException(
                        "Cannot "
                            + what
                            + ": group '"
                            + spec.name()
                            + "' version "
                            + spec.version()
                            + " was never applied. Apply it first: store.apply(<Group>.DEFINITION),"
                            + " or `soko apply`."));
    if (!shapes(record.spec()).equals(shapes(spec))) {
      throw new SokoException(
          "Cannot "
              + what
              + ": its columns "
              + shapes(spec)
              + " differ from the applied ones "
              + shapes(record.spec())
              + ". Apply the new definition first, raising the version if it breaks readers.");
    }

    return record;
  }

  /**
   * Returns the registry's record of the latest applied version of a group.
   *
   * @throws SokoException if no version was applied
   */
  GroupRecord latestVersion(String name, String what) {
    return registry.list().stream()
        .filter(r -> r.spec().name().equals(name))
        .max(Comparator.comparingInt(r -> r.spec().version()))
        .orElseThrow(
            () ->
                new SokoException(
                    "Cannot "
                        + what
                        + ": no group named '"
                        + name
                        + "' was applied. Apply it first, or list the applied groups."));
  }

  synchronized long enableOnline(GroupSpec spec) {
    long start = System.nanoTime();
    String what = "turn online serving on for group '" + spec.name() + "'";
    GroupRecord record = requireApplied(spec, what);
    Instant now = clock.instant();
    online.create(record.spec());
    long keys = bootstrap(record.spec(), now, what);
    if (!record.online()) {
      registry.put(new GroupRecord(record.spec(), true, record.createdAt(), now));
    }

    LOG.info(
        "Turned online serving on for group {} ({} keys materialized) in {} ms",
        spec.qualifiedName(),
        keys,
        millis(start));
    return keys;
  }

  synchronized long materializeOnline(GroupSpec spec) {
    long start = System.nanoTime();
    String what = "materialize group '" + spec.name() + "' online";
    GroupRecord record = requireApplied(spec, what);
    if (!record.online()) {
      throw new SokoException(
          "Cannot "
              + what
              + ": online serving is off for it. Turn it on first with"
              + " store.online(group).enable(), which materializes it.");
    }

    // The offline store is the source of truth: replace whatever the online copy holds, even
    // values newer than the offline ones.
    Instant now = clock.instant();
    long keys = online.replace(record.spec(), () -> bootstrap(record.spec(), now, what));
    LOG.info(
        "Materialized group {} online ({} keys) in {} ms",
        spec.qualifiedName(),
        keys,
        millis(start));
    return keys;
  }

  /**
   * Writes to the online store the latest offline value of each key within the TTL at {@code now},
   * and the newest value of each key dated after it.
   *
   * @return how many keys were written
   */
  private long bootstrap(GroupSpec spec, Instant now, String what) {
    // Rows dated after now are the newest of their keys, as the writes sent them online, but the
    // offline read as of now leaves them out; they go first, so that the older rows then change
    // nothing and no key is counted twice.
    TimeRange future =
        TimeRange.of(now.truncatedTo(ChronoUnit.MICROS).plus(1, ChronoUnit.MICROS), END_OF_TIME);
    // Both reads start before any online write, so that a read that cannot start changes nothing
    // online. A failure after that leaves enable's writes part done (enabling again completes
    // them), and leaves a materialize as the online store's replace leaves it.
    try (ArrowReader newer = readForOnline(() -> offline.history(spec, future, allocator), what);
        ArrowReader latest = readForOnline(() -> offline.latest(spec, now, allocator), what)) {
      long keys = 0;
      VectorSchemaRoot newerRoot = newer.getVectorSchemaRoot();
      while (newer.loadNextBatch()) {
        int[] newest = Batches.newestPerKey(spec, newerRoot);
        keys += online.write(spec, Batches.onlineRows(spec, newerRoot, newest, now));
      }

      VectorSchemaRoot latestRoot = latest.getVectorSchemaRoot();
      while (latest.loadNextBatch()) {
        int[] all = IntStream.range(0, latestRoot.getRowCount()).toArray();
        keys += online.write(spec, Batches.onlineRows(spec, latestRoot, all, now));
      }

      return keys;
    } catch (IOException e) {
      throw new SokoException(
          "Cannot " + what + ": reading the offline values failed: " + e.getMessage(), e);
    }
  }

  private static ArrowReader readForOnline(Supplier<ArrowReader> read, String what) {
    try {
      return read.get();
    } catch (RuntimeException e) {
      throw new SokoException(
          "Cannot " + what + ": reading the offline store failed: " + e.getMessage(), e);
    }
  }

  synchronized void disableOnline(GroupSpec spec) {
    long start = System.nanoTime();
    GroupRecord record =
        requireApplied(spec, "turn online serving off for group '" + spec.name() + "'");
    online.drop(record.spec());
    if (record.online()) {
      registry.put(new GroupRecord(record.spec(), false, record.createdAt(), clock.instant()));
    }

    LOG.info(
        "Turned online serving off for group {} (online values deleted) in {} ms",
        spec.qualifiedName(),
        millis(start));
  }

  // ---------------------------------------------------------------------------------------------

  private long writeOnline(GroupSpec spec, VectorSchemaRoot rows, Instant stamp, long written) {
    List<OnlineRow> newest =
        Batches.onlineRows(spec, rows, Batches.newestPerKey(spec, rows), stamp);
    try {
      return online.write(spec, newest);
    } catch (RuntimeException e) {
      throw new SokoException(
          "Cannot write group '"
              + spec.name()
              + "' online: "
              + e.getMessage()
              + ". The offline write of "
              + written
              + " rows succeeded. To repair the online copy, re-materialize it from the offline"
              + " store: store.online(group).materialize(), or `soko materialize "
              + spec.name()
              + "`.",
          e);
    }
  }

  // Not synchronized: reads run concurrently, and the backend keeps its online store and registry
  // safe for that.
  private Map<EntityKey, Object[]> readOnline(GroupSpec group, Collection<EntityKey> keys) {
    long start = System.nanoTime();
    String what = "read the latest values of group '" + group.name() + "'";
    GroupRecord record = requireApplied(group, what);
    GroupSpec spec = record.spec();
    if (!record.online()) {
      throw new SokoException(
          "Cannot "
              + what
              + ": online serving is off for it. Turn it on with"
              + " store.online(group).enable(), or `soko online enable "
              + spec.name()
              + "`.");
    }

    given(keys, "keys", what);
    List<EntityKey> wanted = new ArrayList<>(keys);
    List<EntityKey> lookedUp = new ArrayList<>(wanted.size());
    for (int i = 0; i < wanted.size(); i++) {
      lookedUp.add(fitKey(spec, wanted.get(i), i, what));
    }

    List<Optional<OnlineRow>> rows = online.read(spec, lookedUp);
    Instant now = clock.instant();
    Optional<Duration> ttl = spec.ttlIfAny();
    Map<EntityKey, Object[]> result = new LinkedHashMap<>();
    for (int i = 0; i < wanted.size(); i++) {
      Optional<OnlineRow> row = rows.get(i);
      if (row.isEmpty()
          || (ttl.isPresent() && row.get().eventTime().plus(ttl.get()).isBefore(now))) {
        continue;
      }

      List<Object> values = new ArrayList<>(spec.columns().size());
      values.addAll(row.get().key().parts());
      values.add(row.get().eventTime());
      values.addAll(row.get().features());
      result.put(wanted.get(i), values.toArray());
    }

    LOG.info(
        "Read {} of {} keys online from group {} in {} ms",
        result.size(),
        wanted.size(),
        spec.qualifiedName(),
        millis(start));
    return result;
  }

  private <R extends Record> List<R> records(
      GroupDefinition<R> group, String what, java.util.function.Supplier<ArrowReader> read) {
    long start = System.nanoTime();
    List<R> rows = new ArrayList<>();
    try (ArrowReader reader = read.get()) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      while (reader.loadNextBatch()) {
        rows.addAll(group.fromArrow(root));
      }
    } catch (IOException e) {
      throw new SokoException("Cannot " + what + ": " + e.getMessage(), e);
    }

    LOG.info("Read {} rows: {} in {} ms", rows.size(), what, millis(start));
    return rows;
  }

  private static <R extends Record> void checkRecords(
      GroupDefinition<R> group, List<R> rows, String what) {
    List<Column> columns = group.spec().columns();
    int required = group.spec().keys().size() + 1;
    for (int i = 0; i < rows.size(); i++) {
      Object row = rows.get(i);
      if (row == null || row.getClass() != group.recordType()) {
        throw new SokoException(
            "Cannot "
                + what
                + ": row "
                + (i + 1)
                + " is "
                + (row == null ? "null" : "a " + row.getClass().getName())
                + ", not a "
                + group.recordType().getName()
                + ". Rows of another group cannot be written to it; nothing was written.");
      }

      Object[] values = group.values(rows.get(i));
      for (int c = 0; c < required; c++) {
        if (values[c] == null) {
          Column column = columns.get(c);
          throw new SokoException(
              "Cannot "
                  + what
                  + ": row "
                  + (i + 1)
                  + " has a null "
                  + (column.role() == Column.Role.KEY ? "key" : "event time")
                  + " '"
                  + column.name()
                  + "'. Keys, the event time and primitive features must not be null; nothing"
                  + " was written.");
        }
      }
    }
  }

  /**
   * Rejects a null or blank group name at a public entry point.
   *
   * @throws NullPointerException if it is null
   * @throws IllegalArgumentException if it is blank
   */
  private static void checkName(@Nullable String group, String what) {
    Checks.named(
        group, what, "the group name", "give the name of an applied group; list() shows them");
  }

  /**
   * Rejects a null array or spec, and one group version given twice with different definitions.
   *
   * @throws NullPointerException if the array or a spec is null
   * @throws IllegalArgumentException if a group version is given twice, differently
   */
  private static void checkSpecs(@Nullable GroupSpec[] specs) {
    Checks.given(specs, "apply groups", "the array of specs", SPEC_FIX);
    Map<String, GroupSpec> seen = new LinkedHashMap<>();
    for (int i = 0; i < specs.length; i++) {
      GroupSpec spec = Checks.given(specs[i], "apply groups", "spec " + (i + 1), SPEC_FIX);
      GroupSpec before = seen.putIfAbsent(spec.qualifiedName(), spec);
      if (before != null && !before.equals(spec)) {
        throw new IllegalArgumentException(
            "Cannot apply groups: group '"
                + spec.name()
                + "' version "
                + spec.version()
                + " is given twice, with different definitions; give each group version once."
                + " Nothing was applied.");
      }
    }
  }

  /**
   * Rejects a null argument at a public entry point, before anything is read or written.
   *
   * @throws NullPointerException naming the operation and the argument
   */
  private static void given(@Nullable Object value, String name, String what) {
    if (value == null) {
      throw new NullPointerException(
          "Cannot " + what + ": " + name + " is null; give one. Nothing was read or written.");
    }
  }

  /**
   * Returns the key as the group stores it: an {@code Integer} given for a {@code LONG} key is
   * widened, since it names the same entity.
   *
   * @throws SokoException if the key is null, has another number of parts, or a part of another
   *     type
   */
  private static EntityKey fitKey(GroupSpec spec, @Nullable EntityKey key, int index, String what) {
    List<Column> keys = spec.keys();
    String expected =
        keys.stream().map(k -> k.name() + " " + k.type()).toList()
            + ": give one value per key column, in that order: a String for a STRING key, an"
            + " Integer for an INT key, a Long (or an Integer) for a LONG key.";
    if (key == null) {
      throw new SokoException(
          "Cannot " + what + ": key " + (index + 1) + " is null. The group's keys are " + expected);
    }

    boolean fits = key.size() == keys.size();
    Object[] parts = new Object[keys.size()];
    for (int i = 0; fits && i < keys.size(); i++) {
      Object part = key.part(i);
      parts[i] = part;
      switch (keys.get(i).type()) {
        case STRING -> fits = part instanceof String;
        case INT -> fits = part instanceof Integer;
        case LONG -> {
          fits = part instanceof Long || part instanceof Integer;
          parts[i] = part instanceof Integer small ? Long.valueOf(small) : part;
        }
        default -> fits = false;
      }
    }

    if (!fits) {
      throw new SokoException(
          "Cannot "
              + what
              + ": key "
              + key
              + " ("
              + key.parts().stream().map(p -> p.getClass().getSimpleName()).toList()
              + ") does not fit the group's keys "
              + expected);
    }

    return EntityKey.of(parts);
  }

  /**
   * Returns the ingestion time of a write: the clock's time, but always after the group's previous
   * write, so that the later of two writes wins even when the clock stands still.
   */
  private Instant stamp(GroupSpec spec) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Instant last =
        lastStamps.computeIfAbsent(
            spec.qualifiedName(),
            name -> Optional.ofNullable(offline.stats(spec).lastWrite()).orElse(Instant.MIN));
    Instant stamp = now.isAfter(last) ? now : last.plus(1, ChronoUnit.MICROS);
    lastStamps.put(spec.qualifiedName(), stamp);
    return stamp;
  }

  private GroupInfo info(GroupRecord record) {
    return new GroupInfo(
        record.spec(),
        record.online(),
        record.createdAt(),
        record.updatedAt(),
        offline.stats(record.spec()));
  }

  private static List<String> shapes(GroupSpec spec) {
    return spec.columns().stream()
        .map(c -> c.name() + " " + c.type() + (c.nullable() ? "" : " NOT NULL"))
        .toList();
  }

  private static ApplyResult.Change change(
      GroupSpec spec, ApplyResult.Outcome outcome, String message) {
    return new ApplyResult.Change(spec.name(), spec.version(), outcome, message);
  }

  private static String summary(List<ApplyResult.Change> changes) {
    Map<ApplyResult.Outcome, Long> counts = new LinkedHashMap<>();
    changes.forEach(c -> counts.merge(c.outcome(), 1L, Long::sum));
    return String.join(
        ", ",
        counts.entrySet().stream()
            .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(java.util.Locale.ROOT))
            .toList());
  }

  private static Duration took(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private static long millis(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
