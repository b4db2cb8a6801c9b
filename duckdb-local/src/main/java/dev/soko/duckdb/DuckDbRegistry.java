package dev.soko.duckdb;

import dev.soko.SokoException;
import dev.soko.duckdb.internal.DuckDbNames;
import dev.soko.internal.GroupSpecJson;
import dev.soko.spi.GroupRecord;
import dev.soko.spi.Registry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The registry in the store file: table {@code registry.groups}, one row per group version. Lookups
 * run on the backend's reader connections, so that online reads never wait for a long write.
 */
final class DuckDbRegistry implements Registry {

  private static final String TABLE = DuckDbNames.REGISTRY + ".groups";

  private final DuckDbBackend backend;

  DuckDbRegistry(DuckDbBackend backend) {
    this.backend = backend;
  }

  void create() {
    backend.execute(
        "CREATE TABLE IF NOT EXISTS "
            + TABLE
            + " (name VARCHAR NOT NULL, version INTEGER NOT NULL, spec VARCHAR NOT NULL,"
            + " online BOOLEAN NOT NULL, created_at TIMESTAMPTZ NOT NULL,"
            + " updated_at TIMESTAMPTZ NOT NULL, PRIMARY KEY (name, version))");
  }

  @Override
  public Optional<GroupRecord> find(String name, int version) {
    return backend.read(
        "SELECT spec, online, created_at, updated_at FROM "
            + TABLE
            + " WHERE name = ? AND version = ?",
        List.of(name, version),
        result -> result.next() ? Optional.of(record(result)) : Optional.empty());
  }

  @Override
  public List<GroupRecord> list() {
    return backend.read(
        "SELECT spec, online, created_at, updated_at FROM " + TABLE + " ORDER BY name, version",
        List.of(),
        result -> {
          List<GroupRecord> records = new ArrayList<>();
          while (result.next()) {
            records.add(record(result));
          }

          return records;
        });
  }

  @Override
  public void put(GroupRecord record) {
    backend.update(
        "INSERT OR REPLACE INTO " + TABLE + " VALUES (?, ?, ?, ?, ?, ?)",
        List.of(
            record.spec().name(),
            record.spec().version(),
            GroupSpecJson.write(record.spec()),
            record.online(),
            record.createdAt(),
            record.updatedAt()));
  }

  private GroupRecord record(ResultSet result) throws SQLException {
    try {
      return new GroupRecord(
          GroupSpecJson.read(result.getString(1)),
          result.getBoolean(2),
          result.getObject(3, OffsetDateTime.class).toInstant(),
          result.getObject(4, OffsetDateTime.class).toInstant());
    } catch (IllegalArgumentException e) {
      throw new SokoException(
          "Cannot read the registry of " + backend.file() + ": " + e.getMessage(), e);
    }
  }
}
