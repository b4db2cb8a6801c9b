package dev.soko.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Runs a SQL query against the local store's views and prints the result. */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = {
      "Run a SQL query (DuckDB's dialect) against the local store and print the result as a"
          + " table.",
      "Each group has a view features.<group> (its history, one row per keys and event time) and"
          + " features.<group>_latest (the latest row per key)."
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  soko sql \"SELECT country, count(*) FROM features.customer_activity_latest",
      "    GROUP BY 1\"",
    })
final class SqlCommand extends SubCommand {

  @Parameters(
      paramLabel = "QUERY",
      arity = "1..*",
      description = "The query; several words are joined with spaces.")
  private List<String> query = new ArrayList<>();

  @Option(
      names = "--max-rows",
      paramLabel = "N",
      defaultValue = "100",
      description = "Print at most N rows. Default: ${DEFAULT-VALUE}.")
  private int maxRows;

  @Override
  int run() {
    if (maxRows < 1) {
      throw new IllegalArgumentException(
          "--max-rows " + maxRows + " is not positive: pass 1 or more");
    }

    String text = String.join(" ", query).strip();
    if (text.isEmpty()) {
      throw new IllegalArgumentException(
          "The query is empty: pass one, such as 'soko sql \"SELECT 1\"'");
    }

    QueryResult result =
        LocalSql.run(
            StoreSession.config(root().configFile(), root().workingDirectory()), text, maxRows);

    result.table().print(out());
    if (result.totalRows() > result.table().rowCount()) {
      out()
          .println(
              "("
                  + WriteSummary.count(result.table().rowCount())
                  + " of "
                  + WriteSummary.count(result.totalRows())
                  + " rows; pass --max-rows to see more)");
    } else {
      out()
          .println(
              "("
                  + WriteSummary.count(result.totalRows())
                  + (result.totalRows() == 1 ? " row)" : " rows)"));
    }

    return Soko.OK;
  }

  /**
   * A query's result.
   *
   * @param table the rows printed
   * @param totalRows how many rows the query returned
   */
  record QueryResult(TextTable table, long totalRows) {}
}
