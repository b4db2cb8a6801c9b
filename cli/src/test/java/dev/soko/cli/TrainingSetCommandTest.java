package dev.soko.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soko.cli.TrainingSetCommand.FeatureSelection;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingSetCommandTest {

  @TempDir Path dir;

  @Test
  void readsFeatureSelections() {
    assertThat(FeatureSelection.parse("customer_activity"))
        .isEqualTo(new FeatureSelection("customer_activity", List.of()));
    assertThat(FeatureSelection.parse("item_popularity:units_7d, buyers_7d"))
        .isEqualTo(new FeatureSelection("item_popularity", List.of("units_7d", "buyers_7d")));
  }

  @Test
  void refusesMalformedFeatureSelections() {
    for (String bad : List.of(":units_7d", "item_popularity:", "item_popularity:a,,b")) {
      assertThatThrownBy(() -> FeatureSelection.parse(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "Cannot read --features '"
                  + bad
                  + "': write GROUP or GROUP:FEATURE,FEATURE, such as customer_activity:orders_7d");
    }
  }

  @Test
  void refusesAMissingSpine() {
    Cli.Result result =
        new Cli(dir)
            .run(
                "training-set",
                "--spine",
                "spine.csv",
                "--timestamp-column",
                "at",
                "--features",
                "g",
                "--out",
                "t.parquet");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Cannot read --spine "
                + dir.resolve("spine.csv")
                + ": no such file; check the path");
  }
}
