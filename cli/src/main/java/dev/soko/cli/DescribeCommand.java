package dev.soko.cli;

import dev.soko.Column;
import dev.soko.GroupInfo;
import dev.soko.GroupSpec;
import dev.soko.GroupStats;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Shows one feature group: its schema, keys, TTL, online state and statistics. */
@Command(
    name = "describe",
    description =
        "Show a feature group: schema, keys, TTL, online state, rows, first and last event time"
            + " and last write.",
    footerHeading = "%nExample:%n",
    footer = {"  soko describe customer_activity", "  soko describe customer_activity --version 2"})
final class DescribeCommand extends SubCommand {

  // No standard help mixin here: its --version would clash with the group's --version.
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  private boolean help;

  @Parameters(index = "0", paramLabel = "GROUP", description = "The group name.")
  private String group;

  @Option(
      names = "--version",
      paramLabel = "N",
      description = "The group version. Default: the latest applied.")
  private Integer version;

  @Override
  int run() {
    if (version != null && version < 1) {
      throw new IllegalArgumentException(
          "--version "
              + version
              + " is not a version: versions start at 1; pass 1 or more, or leave --version out"
              + " for the latest");
    }

    GroupInfo info;
    try (StoreSession store = openExistingStore()) {
      info = store.describe(group, version);
    }

    print(info, out());
    return Soko.OK;
  }

  static void print(GroupInfo info, PrintWriter out) {
    GroupSpec spec = info.spec();
    GroupStats stats = info.stats();
    line(out, "Group", spec.name() + " (version " + spec.version() + ")");
    line(out, "Description", spec.description());
    line(out, "Owner", spec.owner());
    line(out, "Tags", String.join(", ", spec.tags()));
    line(
        out,
        "Keys",
        spec.keys().stream()
            .map(k -> k.name() + " (" + typeName(k) + ")")
            .collect(Collectors.joining(", ")));
    line(out, "Event time", spec.eventTime().name());
    line(
        out, "TTL", spec.ttlIfAny().map(DescribeCommand::ttl).orElse("none (values never expire)"));
    line(out, "Online", info.online() ? "on" : "off");
    // The store keeps every write: a key and event time written twice is two stored rows.
    line(
        out,
        "Rows stored",
        WriteSummary.count(stats.rows()) + " (a key and event time written twice counts twice)");
    line(
        out,
        "Replaced",
        WriteSummary.count(stats.replacedRows(), "row")
            + " that backfills changed or removed, kept for --as-known-at ('soko expire' drops"
            + " them)");
    line(out, "First event", time(stats.firstEventTime()));
    line(out, "Last event", time(stats.lastEventTime()));
    line(out, "Last write", time(stats.lastWrite()));
    line(out, "Created", time(info.createdAt()));
    line(out, "Updated", time(info.updatedAt()));
    out.println();
    TextTable schema = new TextTable(List.of("column", "role", "type", "nullable", "description"));
    for (Column column : spec.columns()) {
      schema.add(
          List.of(
              column.name(),
              column.role().name().toLowerCase(Locale.ROOT).replace('_', ' '),
              typeName(column),
              column.nullable() ? "yes" : "no",
              column.description()));
    }

    schema.print(out);
  }

  private static void line(PrintWriter out, String label, String value) {
    out.println(String.format("%-12s %s", label + ":", value).stripTrailing());
  }

  private static String typeName(Column column) {
    return column.type().name().toLowerCase(Locale.ROOT);
  }

  private static String ttl(java.time.Duration ttl) {
    return ttl.toSeconds() % 86_400 == 0 && ttl.getNano() == 0
        ? "P" + ttl.toDays() + "D"
        : ttl.toString();
  }

  private static String time(Instant instant) {
    return instant == null ? "none" : instant.toString();
  }
}
