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
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * The online values in the store file: for each group that is online, a table in schema {@code
 * online} with one row per key.
 */
final class DuckDbOnlineStore implements OnlineStore {

  private static final String POSITION = "_position";

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
      List<String> columns = new ArrayList<>();
      for (Column column : spec.columns()) {
        columns.add(
            quote(column.name())
                + " "
                + DuckDbNames.type(column.type())
                + (column.role() == Column.Role.FEATURE ? "" : " NOT NULL"));
      }

      columns.add(quote(GroupSpec.INGESTED_AT) + " TIMESTAMPTZ NOT NULL");
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
    List<Optional<OnlineRow>> found = new ArrayList<>(Collections.nCopies(keys.size(), null));
    for (int i = 0; i < found.size(); i++) {
      found.set(i, Optional.empty());
    }

    if (keys.isEmpty() || !exists(spec)) {
      return found;
    }

    List<Column> wanted = new ArrayList<>(spec.keys());
    wanted.add(Column.feature(POSITION, FeatureType.INT, false));
    List<Object[]> values = new ArrayList<>(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      List<Object> value = new ArrayList<>(keys.get(i).parts());
      value.add(i);
      values.add(value.toArray());
    }

    String join =
        spec.keys().stream()
            .map(k -> "t." + quote(k.name()) + " = q." + quote(k.name()))
            .collect(Collectors.joining(" AND "));
    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot query = ArrowValues.batch(wanted, values, allocator)) {
      // The keys go in as one Arrow batch and come back joined, not one query per key.
      String table = "soko_keys_" + Integer.toHexString(System.identityHashCode(query));
      try {
        backend.withBatch(
            query,
            allocator,
            view -> "CREATE OR REPLACE TEMP TABLE " + quote(table) + " AS SELECT * FROM " + view,
            List.of());
        try (ArrowReader reader =
            backend.queryArrow(
                "SELECT q."
                    + quote(POSITION)
                    + ", "
                    + DuckDbNames.storedColumns(spec, "t.")
                    + " FROM "
                    + quote(table)
                    + " q JOIN "
                    + DuckDbNames.onlineTable(spec)
                    + " t ON "
                    + join,
                List.of(),
                allocator)) {
          collect(spec, keys, reader, found);
        }
      } finally {
        backend.execute("DROP TABLE IF EXISTS " + quote(table));
      }
    } catch (SQLException | IOException e) {
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
      GroupSpec spec, List<EntityKey> keys, ArrowReader reader, List<Optional<OnlineRow>> found)
      throws IOException {
    VectorSchemaRoot root = reader.getVectorSchemaRoot();
    int first = 1 + spec.keys().size();
    List<Column> features = spec.features();
    while (reader.loadNextBatch()) {
      IntVector positions = (IntVector) root.getVector(0);
      TimeStampVector times = (TimeStampVector) root.getVector(first);
      TimeStampVector stamps = (TimeStampVector) root.getVector(first + 1 + features.size());
      for (int row = 0; row < root.getRowCount(); row++) {
        Object[] values = new Object[features.size()];
        for (int f = 0; f < values.length; f++) {
          values[f] = ArrowValues.get(root.getVector(first + 1 + f), features.get(f).type(), row);
        }

        int position = positions.get(row);
        found.set(
            position,
            Optional.of(
                new OnlineRow(
                    keys.get(position),
                    ArrowValues.instant(times.get(row)),
                    ArrowValues.instant(stamps.get(row)),
                    Collections.unmodifiableList(Arrays.asList(values)))));
      }
    }
  }

  private static List<Column> storedColumns(GroupSpec spec) {
    List<Column> columns = new ArrayList<>(spec.columns());
    columns.add(Column.feature(GroupSpec.INGESTED_AT, FeatureType.TIMESTAMP, false));
    return columns;
  }
}
