package dev.soko.samples.retail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soko.samples.internal.Home;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

  @Test
  void endsWithTheSokoCommandThatQueriesTheStoreAndTheDuckDbOne(@TempDir Path root) {
    Path folder = root.resolve("samples/target/soko-retail");
    Path storeFile = folder.resolve(".soko/soko.duckdb");
    Report report =
        new Report(
            storeFile,
            folder.resolve("churn_training_set.parquet"),
            folder.resolve("soko.yaml"),
            new Home(root, root));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
        .containsSubsequence(
            "Store: " + storeFile,
            "Try:   ./soko --config samples/target/soko-retail/soko.yaml sql \"SELECT * FROM"
                + " features.customer_activity WHERE customer_id = '12347' ORDER BY event_time"
                + " DESC LIMIT 5\"",
            "  or, with the DuckDB CLI:",
            "       duckdb -readonly "
                + storeFile
                + " \"SELECT * FROM features.customer_activity WHERE customer_id = '12347' ORDER"
                + " BY event_time DESC LIMIT 5\"");
  }
}
