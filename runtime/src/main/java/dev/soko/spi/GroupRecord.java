package dev.soko.spi;

import dev.soko.GroupSpec;
import java.time.Instant;

/**
 * A feature group as the registry stores it.
 *
 * @param spec the group's columns and metadata
 * @param online whether online serving is on
 * @param createdAt when the group was first applied
 * @param updatedAt when the group's spec or online state last changed
 */
public record GroupRecord(GroupSpec spec, boolean online, Instant createdAt, Instant updatedAt) {}
