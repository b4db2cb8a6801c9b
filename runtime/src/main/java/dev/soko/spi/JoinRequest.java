package dev.soko.spi;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A point-in-time join to run: a spine and, for each spine row, the group rows in force at its
 * timestamp.
 *
 * <p>An engine must return every spine row exactly once, in spine order, with all spine columns,
 * then each group's features under their output names. For each spine row and group it takes the
 * row with the same keys (compared part by part; a null key matches nothing) and the greatest event
 * time at or before the spine timestamp (strictly before when {@link #strictlyBefore}), ties broken
 * by the latest {@value dev.soko.GroupSpec#INGESTED_AT}; with {@link #asKnownAt} it ignores rows
 * ingested after the spine timestamp. Features are null when nothing matches or the match is more
 * than the group's TTL older than the spine timestamp.
 *
 * @param spine the spine table
 * @param timestampColumn the spine column holding each row's timestamp
 * @param zone the zone of spine timestamps written without one, or null if none was given
 * @param groups the groups to join, in output order
 * @param strictlyBefore whether a group row must be strictly older than the spine timestamp
 * @param asKnownAt whether to ignore group rows ingested after the spine timestamp
 */
public record JoinRequest(
    TableSource spine,
    String timestampColumn,
    @Nullable ZoneId zone,
    List<GroupJoin> groups,
    boolean strictlyBefore,
    boolean asKnownAt) {

  /** Creates a request. */
  public JoinRequest {
    requireNonNull(spine, "spine");
    requireNonNull(timestampColumn, "timestampColumn");
    groups = List.copyOf(groups);
  }
}
