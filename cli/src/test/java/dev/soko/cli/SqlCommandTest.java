package dev.soko.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlCommandTest {

  @TempDir Path dir;

  @Test
  void queriesTheViewsAndPrintsATable() throws Exception {
    Cli cli = Fixtures.ingested(dir);

    Cli.Result result =
        cli.run(
            "sql",
            "SELECT country, count(*) AS orders, sum(orders_30d) AS total",
            "FROM features.customer_orders GROUP BY country ORDER BY country");

    assertThat(result.exitCode()).isZero();
    assertThat(result.outLines())
        .containsExactly(
            "country        | orders | total",
            "---------------+--------+------",
            "France         |      1 |     1",
            "United Kingdom |      2 |     7",
            "(2 rows)");
  }

  @Test
  void printsAtMostMaxRows() throws Exception {
    Cli cli = Fixtures.applied(dir);

    Cli.Result result = cli.run("sql", "--max-rows", "2", "SELECT * FROM range(5) t(n)");

    assertThat(result.outLines())
        .containsExactly("n", "-", "0", "1", "(2 of 5 rows; pass --max-rows to see more)");
  }

  @Test
  void changesNothing() throws Exception {
    Cli cli = Fixtures.applied(dir);

    Cli.Result result = cli.run("sql", "CREATE TABLE t (x INTEGER)");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines()).hasSize(1);
    assertThat(result.errLines().get(0))
        .startsWith("Error: Cannot run the query: ")
        .contains("read-only")
        .doesNotContain("the views are");
  }

  @Test
  void refusesAMalformedQuery() throws Exception {
    Cli.Result result = Fixtures.applied(dir).run("sql", "SELEC 1");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines()).hasSize(1);
    assertThat(result.errLines().get(0))
        .startsWith("Error: Cannot run the query: Parser Error: syntax error at or near \"SELEC\"");
  }

  @Test
  void saysWhenThereIsNoStoreYet() {
    Cli.Result result = new Cli(dir).run("sql", "SELECT 1");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Cannot run SQL: the local store "
                + dir.resolve(".soko/soko.duckdb")
                + " does not exist yet; create it with 'soko init' or 'soko apply JAR'");
  }

  @Test
  void readsTheStoreAConfigurationNames() throws Exception {
    Fixtures.write(dir, "elsewhere.yaml", "offline:\n  type: duckdb\n  path: data/store.duckdb\n");

    Cli.Result result = new Cli(dir).run("sql", "--config", "elsewhere.yaml", "SELECT 1");

    assertThat(result.errLines())
        .containsExactly(
            "Error: Cannot run SQL: the local store "
                + dir.resolve("data/store.duckdb")
                + " does not exist yet; create it with 'soko init' or 'soko apply JAR'");
  }

  @Test
  void runsAStatementWithoutRowsAndPrintsItsCount() throws Exception {
    Cli cli = Fixtures.ingested(dir);

    Cli.Result result =
        cli.run(
            "sql",
            "COPY (SELECT customer_id FROM features.customer_orders) TO '"
                + dir.resolve("ids.parquet")
                + "'");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.outLines()).containsExactly("Count", "-----", "    3", "(1 row)");
    assertThat(
            cli.run("sql", "SELECT count(*) AS n FROM '" + dir.resolve("ids.parquet") + "'")
                .outLines())
        .containsExactly("n", "-", "3", "(1 row)");
  }

  @Test
  void namesTheViewsWhenATableIsNotFound() throws Exception {
    Cli.Result result = Fixtures.applied(dir).run("sql", "SELECT * FROM customer_orders");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines()).hasSize(1);
    assertThat(result.errLines().get(0))
        .startsWith("Error: Cannot run the query: Catalog Error: Table with name customer_orders")
        .endsWith("; the views are features.<group> and features.<group>_latest");
  }

  @Test
  void saysWhenAnotherProcessWritesTheStore() throws Exception {
    Cli cli = Fixtures.applied(dir);
    Path file = dir.resolve(".soko/soko.duckdb");
    Process writer =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                StoreWriter.class.getName(),
                file.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("open");

      Cli.Result result = cli.run("sql", "SELECT 1");

      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.errLines())
          .containsExactly(
              "Error: Cannot open store file "
                  + file
                  + ": it is in use by another process (pid "
                  + writer.pid()
                  + "). Close the other soko process, or point soko.yaml at another file");
    } finally {
      writer.getOutputStream().close();
      if (!writer.waitFor(30, TimeUnit.SECONDS)) {
        writer.destroyForcibly();
      }
    }
  }
}
