package dev.soko.cli;

import dev.soko.TimeRange;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/** The store operations the commands run, over an opened store. */
final class StoreSession implements AutoCloseable {

  private StoreSession() {}

  static StoreSession open(Path configFile, Path workingDirectory) {
    throw new UnsupportedOperationException("The store is not wired yet");
  }

  List<ApplyOutcome> apply(DefinitionLoader loader) {
    throw new UnsupportedOperationException();
  }

  List<GroupInfo> list(String search, String tag, String owner) {
    throw new UnsupportedOperationException();
  }

  GroupInfo describe(String group, Integer version) {
    throw new UnsupportedOperationException();
  }

  WriteSummary ingest(String group, Path file, InputFile format, ZoneId zone, Progress progress) {
    throw new UnsupportedOperationException();
  }

  WriteSummary backfill(
      String group, TimeRange range, Path file, InputFile format, ZoneId zone, Progress progress) {
    throw new UnsupportedOperationException();
  }

  WriteSummary enableOnline(String group, Progress progress) {
    throw new UnsupportedOperationException();
  }

  void disableOnline(String group) {
    throw new UnsupportedOperationException();
  }

  GetCommand.OnlineValues latest(String group, List<String> keys) {
    throw new UnsupportedOperationException();
  }

  WriteSummary trainingSet(TrainingSetCommand.TrainingSetRequest request, Progress progress) {
    throw new UnsupportedOperationException();
  }

  SqlCommand.QueryResult sql(String query, int maxRows) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void close() {}
}
