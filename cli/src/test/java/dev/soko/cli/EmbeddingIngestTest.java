package dev.soko.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingesting a group with a {@code float[]} column: a null element is refused as the API does. */
class EmbeddingIngestTest {

  private static final String ITEM_VECTORS =
      """
      import dev.soko.annotations.EventTime;
      import dev.soko.annotations.FeatureGroup;
      import dev.soko.annotations.Key;
      import java.time.Instant;

      @FeatureGroup(name = "item_vectors", owner = "merch", description = "Item embeddings.")
      public record ItemVectors(@Key String stockCode, @EventTime Instant eventTime, float[] vector) {}
      """;

  @TempDir Path dir;

  @Test
  void nullElementInAFloatArrayIsRefusedNamingColumnRowAndElement() throws Exception {
    Cli cli = applied();
    Fixtures.write(
        dir,
        "vectors.csv",
        """
        stock_code,event_time,vector
        85123A,2011-01-04T10:00:00Z,"[0.5, 1.5]"
        22423,2011-01-04T10:00:00Z,"[0.25, NULL, 2.0]"
        """);

    Cli.Result result = cli.run("ingest", "item_vectors", "vectors.csv");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Cannot write to group 'item_vectors' version 1: row 2 of float[] column"
                + " 'vector' has a null at element 2, which a float[] cannot hold. Write NaN for a"
                + " missing element, or a null for the whole value; nothing was written");
    assertThat(cli.run("describe", "item_vectors").outLines())
        .contains("Rows stored: 0 (a key and event time written twice counts twice)");
  }

  @Test
  void floatArraysWithoutNullElementsAreIngested() throws Exception {
    Cli cli = applied();
    Fixtures.write(
        dir,
        "vectors.csv",
        """
        stock_code,event_time,vector
        85123A,2011-01-04T10:00:00Z,"[0.5, 1.5]"
        22423,2011-01-04T10:00:00Z,
        """);

    Cli.Result result = cli.run("ingest", "item_vectors", "vectors.csv");
    Cli.Result sql =
        cli.run("sql", "SELECT stock_code, vector FROM features.item_vectors ORDER BY stock_code");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(sql.outLines())
        .containsExactly(
            "stock_code | vector",
            "-----------+-----------",
            "22423      | null",
            "85123A     | [0.5, 1.5]",
            "(2 rows)");
  }

  private Cli applied() throws Exception {
    Path jar = DefinitionJar.compile(dir, "vectors", Map.of("ItemVectors", ITEM_VECTORS));
    Cli cli = new Cli(dir);
    Cli.Result apply = cli.run("apply", jar.toString());
    assertThat(apply.exitCode()).as(apply.err()).isZero();
    return cli;
  }
}
