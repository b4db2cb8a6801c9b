package dev.soko.samples.news;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The hand-written MIND-format fixture under {@code src/test/resources/mind-fixture}. */
final class Fixture {

  private Fixture() {}

  static Path folder() {
    try {
      return Path.of(Fixture.class.getResource("/mind-fixture").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static MindData read() {
    return new MindReader(ZoneOffset.UTC).read(folder());
  }

  /** Returns an instant on the fixture's days, in UTC: {@code at(11, "09:05")}. */
  static Instant at(int day, String time) {
    return Instant.parse(String.format("2019-11-%02dT%s:00Z", day, time));
  }

  /** Returns the last row of the key at or before the instant, as a point-in-time join would. */
  static <R> R asOf(
      List<R> rows,
      java.util.function.Predicate<R> key,
      java.util.function.Function<R, Instant> time,
      Instant at) {
    R found = null;
    for (R row : rows) {
      if (key.test(row)
          && !time.apply(row).isAfter(at)
          && (found == null || !time.apply(row).isBefore(time.apply(found)))) {
        found = row;
      }
    }

    return found;
  }
}
