package dev.soko;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.junit.jupiter.api.Test;

class SpineTest {

  record Shown(String userId, Instant shownAt, long clicks24h, List<String> tags) {}

  record WithMap(String userId, Instant shownAt, Map<String, String> extra) {}

  @Test
  void recordsSpineNamesColumnsInSnakeCase() {
    assertThat(new RecordColumns<>(Shown.class).names())
        .containsExactly("user_id", "shown_at", "clicks_24h", "tags");
  }

  @Test
  void recordsSpineRefusesAnUnsupportedComponentType() {
    assertThatThrownBy(() -> Spine.records(WithMap.class, List.of(), "shown_at"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Component extra of spine record WithMap has type java.util.Map<java.lang.String,"
                + " java.lang.String>, which a spine cannot hold; use one of [boolean, int, long,"
                + " float, double, String, Instant, LocalDate, byte[], float[], List<String>,"
                + " List<Long>]");
  }

  @Test
  void recordsSpineNeedsAnInstantTimestampComponent() {
    assertThatThrownBy(() -> Spine.records(Shown.class, List.of(), "shown"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot make a spine of records Shown: it has no component for timestamp column"
                + " 'shown'; give one of its columns [user_id, shown_at, clicks_24h, tags]");
    assertThatThrownBy(() -> Spine.records(Shown.class, List.of(), "clicks_24h"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot make a spine of records Shown: timestamp column 'clicks_24h' is a long, not an"
                + " Instant; give the name of an Instant component");
  }

  @Test
  void zoneReturnsANewSpine() {
    Spine spine = Spine.csv(java.nio.file.Path.of("spine.csv"), "ts");

    Spine zoned = spine.zone(ZoneId.of("Europe/Paris"));

    assertThat(spine.zone()).isEmpty();
    assertThat(zoned.zone()).contains(ZoneId.of("Europe/Paris"));
    assertThat(zoned.timestampColumn()).isEqualTo("ts");
  }

  // Regression: a null row failed with a bare NullPointerException from List.copyOf.
  @Test
  void recordsSpineRefusesANullRowNamingIt() {
    Shown shown = new Shown("u1", Instant.parse("2024-03-01T00:00:00Z"), 1, List.of());

    assertThatThrownBy(
            () -> Spine.records(Shown.class, java.util.Arrays.asList(shown, null), "shown_at"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot make a spine of records Shown: row 2 is null; leave it out or give a record");
    assertThatThrownBy(() -> Spine.records(Shown.class, null, "shown_at"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot make a spine of records Shown: the list of rows is null; give a list, empty if"
                + " need be");
    assertThatThrownBy(() -> Spine.records(null, List.of(shown), "shown_at"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot make a spine of records: the record class is null; give the class of the rows,"
                + " such as Shown.class");
  }

  @Test
  void refusesANullOrBlankTimestampColumn() {
    assertThatThrownBy(() -> Spine.csv(Path.of("spine.csv"), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot make a spine of spine.csv: the timestamp column is null; give the name of the"
                + " column that holds each row's timestamp");
    assertThatThrownBy(() -> Spine.parquet(Path.of("spine.parquet"), " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot make a spine of spine.parquet: the timestamp column ' ' is blank; give the"
                + " name of the column that holds each row's timestamp");
    assertThatThrownBy(() -> Spine.records(Shown.class, List.of(), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot make a spine of records Shown: the timestamp column is null; give the"
                + " snake_case name of the Instant component that times each row");
  }

  @Test
  void refusesANullSource() {
    assertThatThrownBy(() -> Spine.csv(null, "ts"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("Cannot make a spine of a CSV file: the path is null; give the file's path");
    assertThatThrownBy(() -> Spine.parquet(null, "ts"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot make a spine of a Parquet file: the path is null; give the file's path");
    assertThatThrownBy(() -> Spine.arrow((ArrowReader) null, "ts"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot make a spine of Arrow batches: the reader is null; give a reader of the"
                + " batches");
    assertThatThrownBy(() -> Spine.arrow((VectorSchemaRoot) null, "ts"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("Cannot make a spine of an Arrow batch: the batch is null; give a batch");
  }

  @Test
  void zoneRefusesNull() {
    assertThatThrownBy(() -> Spine.csv(Path.of("spine.csv"), "ts").zone(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot set the zone of spine of spine.csv timed by 'ts': the zone is null; give the"
                + " zone of the timestamps written without one, such as ZoneId.of(\"UTC\")");
  }
}
