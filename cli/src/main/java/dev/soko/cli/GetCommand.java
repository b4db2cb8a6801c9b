package dev.soko.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Reads the online values of keys. */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description = {
      "Print the online values of one or more keys of a group whose online serving is on.",
      "A composite key is written as its parts in key order, separated by commas."
    },
    footerHeading = "%nExample:%n",
    footer = {"  soko get customer_activity 17850 13047", "  soko get article_stats 42,en"})
final class GetCommand extends SubCommand {

  @Parameters(index = "0", paramLabel = "GROUP", description = "The group name.")
  private String group;

  @Parameters(
      index = "1..*",
      arity = "1..*",
      paramLabel = "KEY",
      description = "Keys to read; composite keys as PART,PART.")
  private List<String> keys = new ArrayList<>();

  @Override
  int run() {
    OnlineValues values;
    try (StoreSession store = openExistingStore()) {
      values = store.latest(group, keys);
    }

    if (values.table().rowCount() > 0) {
      values.table().print(out());
    }

    // A line per key: in one list, the commas of a composite key would read as separators.
    for (String key : values.missing()) {
      out().println("No online value for key " + key + ".");
    }

    out()
        .println(
            WriteSummary.count(values.table().rowCount())
                + " of "
                + WriteSummary.count(keys.size(), "key")
                + " found.");
    return Soko.OK;
  }

  /**
   * The values read for {@code get}.
   *
   * @param table the found keys' values: key columns, event time, features
   * @param missing the keys without a value, as given
   */
  record OnlineValues(TextTable table, List<String> missing) {}
}
