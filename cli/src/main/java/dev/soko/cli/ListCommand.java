package dev.soko.cli;

import dev.soko.GroupInfo;
import dev.soko.GroupSpec;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Lists the applied feature groups, optionally filtered. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List the feature groups in the registry, with their online state and row count.",
    footerHeading = "%nExample:%n",
    footer = {
      "  soko list",
      "  soko list --search spend --tag customer --owner growth",
    })
final class ListCommand extends SubCommand {

  @Option(
      names = "--search",
      paramLabel = "TEXT",
      description =
          "Only groups whose name, description, owner, tags, or feature names or descriptions"
              + " contain TEXT, ignoring case.")
  private String search;

  @Option(
      names = "--tag",
      paramLabel = "TAG",
      description = "Only groups with this tag, ignoring case.")
  private String tag;

  @Option(
      names = "--owner",
      paramLabel = "OWNER",
      description = "Only groups of this owner, ignoring case.")
  private String owner;

  @Override
  int run() {
    List<GroupInfo> groups;
    try (StoreSession store = openExistingStore()) {
      groups = store.list(search, tag, owner);
    }

    if (groups.isEmpty()) {
      out()
          .println(
              search == null && tag == null && owner == null
                  ? "No feature groups yet: run 'soko apply JAR' to create them."
                  : "No feature group matches.");
      return Soko.OK;
    }

    TextTable table =
        new TextTable(
            List.of("group", "version", "online", "rows", "owner", "tags", "description"));
    for (GroupInfo group : groups) {
      GroupSpec spec = group.spec();
      table.add(
          List.of(
              spec.name(),
              spec.version(),
              group.online() ? "on" : "off",
              group.stats().rows(),
              spec.owner(),
              String.join(",", spec.tags()),
              spec.description()));
    }

    table.print(out());
    out().println(groups.size() + (groups.size() == 1 ? " group" : " groups"));
    return Soko.OK;
  }
}
