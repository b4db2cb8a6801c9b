package dev.soko.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {

  @Test
  void alignsNumbersRightAndTextLeft() {
    TextTable table = new TextTable(List.of("customer_id", "orders_30d", "first_seen"));
    table.add(List.of("17850", 12L, Instant.parse("2010-12-01T08:26:00Z")));
    table.add(Arrays.asList("13047", 3L, null));
    StringWriter out = new StringWriter();

    table.print(new PrintWriter(out, true));

    assertThat(out.toString().lines())
        .containsExactly(
            "customer_id | orders_30d | first_seen",
            "------------+------------+---------------------",
            "17850       |         12 | 2010-12-01T08:26:00Z",
            "13047       |          3 | null");
  }

  @Test
  void showsEmbeddingsAndBytesShortly() {
    assertThat(TextTable.cell(new float[] {0.5f, 1f})).isEqualTo("[0.5, 1.0]");
    assertThat(TextTable.cell(new byte[] {1, 2, 3})).isEqualTo("3 bytes");
    assertThat(TextTable.cell("two\nlines")).isEqualTo("two lines");
  }
}
