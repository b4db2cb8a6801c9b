package dev.soko.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small input files and a store with the test groups applied, in a test's working directory. */
final class Fixtures {

  /** Three orders, times without a zone; customer 017850 keeps its leading zero. */
  static final String ORDERS_CSV =
      """
      customer_id,event_time,orders_30d,spend_30d,country
      017850,2011-01-04 10:00:00,3,45.5,United Kingdom
      13047,2011-01-04 12:30:00,1,,France
      017850,2011-01-05 09:00:00,4,60.25,United Kingdom
      """;

  /** Two items, times with a zone or offset. */
  static final String ITEMS_CSV =
      """
      stock_code,event_time,units_7d
      85123A,2011-01-04T10:00:00Z,12
      22423,2011-01-04T11:00:00+01:00,
      """;

  private Fixtures() {}

  /** Returns a CLI in the directory, whose local store has both test groups applied. */
  static Cli applied(Path dir) throws IOException {
    Cli cli = new Cli(dir);
    Cli.Result result = cli.run("apply", DefinitionJar.shared().toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    return cli;
  }

  /** Writes a file in the directory and returns its name. */
  static String write(Path dir, String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text);
    return name;
  }

  /** Returns a CLI whose store holds the orders and items of the CSV fixtures. */
  static Cli ingested(Path dir) throws IOException {
    Cli cli = applied(dir);
    assertThat(
            cli.run("ingest", "customer_orders", write(dir, "orders.csv", ORDERS_CSV)).exitCode())
        .isZero();
    assertThat(cli.run("ingest", "item_stats", write(dir, "items.csv", ITEMS_CSV)).exitCode())
        .isZero();
    return cli;
  }
}
