package dev.soko;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
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
            "Spine record Shown has no component for timestamp column 'shown'; its columns are"
                + " [user_id, shown_at, clicks_24h, tags]");
    assertThatThrownBy(() -> Spine.records(Shown.class, List.of(), "clicks_24h"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Timestamp column 'clicks_24h' of spine record Shown must be an Instant");
  }

  @Test
  void zoneReturnsANewSpine() {
    Spine spine = Spine.csv(java.nio.file.Path.of("spine.csv"), "ts");

    Spine zoned = spine.zone(ZoneId.of("Europe/Paris"));

    assertThat(spine.zone()).isEmpty();
    assertThat(zoned.zone()).contains(ZoneId.of("Europe/Paris"));
    assertThat(zoned.timestampColumn()).isEqualTo("ts");
  }
}
