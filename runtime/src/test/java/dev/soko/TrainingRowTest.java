package dev.soko;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingRowTest {

  private final TrainingRow row =
      new TrainingRow(
          new TrainingRow.Layout(
              List.of("user_id", "label"), Map.of("user_id", 0, "label", 1), Map.of()),
          new Object[] {"u1", true});

  @Test
  void readsAColumnByName() {
    assertThat(row.value("label")).isEqualTo(true);
    assertThatThrownBy(() -> row.value("nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Training set has no column 'nope'; its columns are [user_id, label]");
  }

  @Test
  void refusesNullArguments() {
    assertThatThrownBy(() -> row.value(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot read a training row's value: the column is null; give one of its columns"
                + " [user_id, label]");
    assertThatThrownBy(() -> row.get(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot read a training row's feature: the feature is null; give a generated feature"
                + " reference, such as UserEngagementGroup.CLICKS_24H");
  }
}
