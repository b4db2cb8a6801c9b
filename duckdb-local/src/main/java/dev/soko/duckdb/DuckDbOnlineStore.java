package dev.soko.duckdb;

import static dev.soko.duckdb.internal.DuckDbNames.quote;

import dev.soko.Column;
import dev.soko.EntityKey;
import dev.soko.FeatureType;
import dev.soko.GroupSpec;
import dev.soko.SokoException;
import dev.soko.duckdb.internal.DuckDbNames;
import dev.soko.internal.ArrowValues;
import dev.soko.spi.OnlineRow;
import dev.soko.spi.OnlineStore;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * The online values in the store file: for each group that is online, a table in schema {@code
 * online} with one row per key. Reads run on the backend's reader connections, alongside each other
 * and alongside writes; each query sees every key's row as before or after a write, never between.
 */
final class DuckDbOnlineStore implements OnlineStore {

  private static final int KEYS_PER_QUERY = 256;

  private final DuckDbBackend backend;

  DuckDbOnlineStore(DuckDbBackend backend) {
    this.backend = backend;
  }

  @Override
  public boolean exists(GroupSpec spec) {
    return backend.exists(DuckDbNames.ONLINE, spec.qualifiedName());
  }

  @Override
  public void create(GroupSpec spec) {
    synchronized (backend.lock()) {
      String table = DuckDbNames.onlineTable(spec);
      List<String> columns = DuckDbNames.columnDefinitions(spec);
      columns.add("PRIMARY KEY (" + DuckDbNames.list(spec.keys(), "") + ")");
      backend.execute(
          "CREATE TABLE IF NOT EXISTS " + table + " (" + String.join(", ", columns) + ")");
      DuckDbOfflineStore.addMissingColumns(backend, DuckDbNames.ONLINE, spec, table);
    }
  }

  @Override
  public void drop(GroupSpec spec) {
    backend.execute("DROP TABLE IF EXISTS " + DuckDbNames.onlineTable(spec));
  }

  /**
   * Replaces the online copy in one transaction: the reader connections see the old table until the
   * new one is committed, and a failure leaves the old one.
   */
  @Override
  public long replace(GroupSpec spec, LongSupplier fill) {
    try {
      return backend.inTransaction(
          () -> {
            drop(spec);
            create(spec);
            return fill.getAsLong();
          });
    } catch (SQLException e) {
      throw new SokoException(
          "Cannot replace the online copy of group '"
              + spec.name()
              + "' in "
              + backend.file()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public long write(GroupSpec spec, List<OnlineRow> rows) {
    if (rows.isEmpty()) {
      return 0;
    }

    List<Column> columns = storedColumns(spec);
    List<Object[]> values = new ArrayList<>(rows.size());
    for (OnlineRow row : rows) {
      List<Object> value = new ArrayList<>(row.key().parts());
      value.add(row.eventTime());
      value.addAll(row.features());
      value.add(row.ingestedAt());
      values.add(value.toArray());
    }

    String table = DuckDbNames.onlineTable(spec);
    String eventTime = quote(spec.eventTime().name());
    String ingestedAt = quote(GroupSpec.INGESTED_AT);
    List<Column> updated = new ArrayList<>(columns.subList(spec.keys().size(), columns.size()));
    String set =
        updated.stream()
            .map(c -> quote(c.name()) + " = excluded." + quote(c.name()))
            .collect(Collectors.joining(", "));
    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot batch = ArrowValues.batch(columns, values, allocator)) {
      // A stored row is replaced only by a newer event time, or the same one ingested later.
      return backend.withBatch(
          batch,
          allocator,
          view ->
              "INSERT INTO "
                  + table
                  + " ("
                  + DuckDbNames.list(columns, "")
                  + ") SELECT "
                  + DuckDbNames.list(columns, "")
                  + " FROM "
                  + view
                  + " ON CONFLICT ("
                  + DuckDbNames.list(spec.keys(), "")
                  + ") DO UPDATE SET "
                  + set
                  + " WHERE excluded."
                  + eventTime
                  + " > "
                  + eventTime
                  + " OR (excluded."
                  + eventTime
                  + " = "
                  + eventTime
                  + " AND excluded."
                  + ingestedAt
                  + " >= "
                  + ingestedAt
                  + ")",
          List.of());
    } catch (SQLException e) {
      throw new SokoException(
          "Cannot write group '"
              + spec.name()
              + "' to the online store in "
              + backend.file()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public List<Optional<OnlineRow>> read(GroupSpec spec, List<EntityKey> keys) {
    List<Optional<OnlineRow>> found = new ArrayList<>(keys.size());
    keys.forEach(key -> found.add(Optional.empty()));
    if (keys.isEmpty()) {
      return found;
    }

    Map<EntityKey, List<Integer>> positions = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      positions.computeIfAbsent(keys.get(i), key -> new ArrayList<>()).add(i);
    }

    List<EntityKey> distinct = new ArrayList<>(positions.keySet());
    String match =
        "("
            + spec.keys().stream()
                .map(k -> quote(k.name()) + " = ?")
                .collect(Collectors.joining(" AND "))
            + ")";
    try (BufferAllocator allocator = new RootAllocator()) {
      for (int from = 0; from < distinct.size(); from += KEYS_PER_QUERY) {
        List<EntityKey> chunk =
            distinct.subList(from, Math.min(distinct.size(), from + KEYS_PER_QUERY));
        List<Object> parameters = new ArrayList<>();
        chunk.forEach(key -> parameters.addAll(key.parts()));
        String sql =
            "SELECT "
                + DuckDbNames.storedColumns(spec, "")
                + " FROM "
                + DuckDbNames.onlineTable(spec)
                + " WHERE "
                + String.join(" OR ", Collections.nCopies(chunk.size(), match));
        try (ArrowReader reader = backend.readArrow(sql, parameters, allocator)) {
          collect(spec, reader, positions, found);
        }
      }
    } catch (SokoException e) {
      // The runtime saw online serving on, but a disable in another thread or process dropped the
      // table before this read reached it.
      if (!exists(spec)) {
        throw new SokoException(
            "Cannot read group '"
                + spec.name()
                + "' from the online store: online serving was turned off while the read ran."
                + " Turn it on again with store.online(group).enable(), or `soko online enable "
                + spec.name()
                + "`.",
            e);
      }

      throw e;
    } catch (IOException e) {
      throw new SokoException(
          "Cannot read group '"
              + spec.name()
              + "' from the online store in "
              + backend.file()
              + ": "
              + e.getMessage(),
          e);
    }

    return found;
  }

  private static void collect(
      GroupSpec spec,
      ArrowReader reader,
      Map<EntityKey, List<Integer>> positions,
      List<Optional<OnlineRow>> found)
      throws IOException {
    VectorSchemaRoot root = reader.getVectorSchemaRoot();
    List<Column> keyColumns = spec.keys();
    int eventTime = keyColumns.size();
    List<Column> features = spec.features();
    while (reader.loadNextBatch()) {
      TimeStampVector times = (TimeStampVector) root.getVector(eventTime);
      TimeStampVector stamps = (TimeStampVector) root.getVector(eventTime + 1 + features.size());
      for (int row = 0; row < root.getRowCount(); row++) {
        Object[] parts = new Object[keyColumns.size()];
        for (int k = 0; k < parts.length; k++) {
          parts[k] = ArrowValues.get(root.getVector(k), keyColumns.get(k).type(), row);
        }

        Object[] values = new Object[features.size()];
        for (int f = 0; f < values.length; f++) {
          values[f] =
              ArrowValues.get(root.getVector(eventTime + 1 + f), features.get(f).type(), row);
        }

        EntityKey key = EntityKey.of(parts);
        OnlineRow online =
            new OnlineRow(
                key,
                ArrowValues.instant(times.get(row)),
                ArrowValues.instant(stamps.get(row)),
                Collections.unmodifiableList(Arrays.asList(values)));
        for (int position : positions.getOrDefault(key, List.of())) {
          found.set(position, Optional.of(online));
        }
      }
    }
  }

  private static List<Column> storedColumns(GroupSpec spec) {
    List<Column> columns = new ArrayList<>(spec.columns());
    columns.add(Column.feature(GroupSpec.INGESTED_AT, FeatureType.TIMESTAMP, false));
    return columns;
  }
}
