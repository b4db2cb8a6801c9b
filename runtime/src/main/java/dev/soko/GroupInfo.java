package dev.soko;

import java.time.Instant;

/**
 * What the registry tells of a feature group.
 *
 * @param spec the group's columns and metadata
 * @param online whether online serving is on
 * @param createdAt when the group was first applied
 * @param updatedAt when its definition or online state last changed
 * @param stats its offline history's statistics
 */
public record GroupInfo(
    GroupSpec spec, boolean online, Instant createdAt, Instant updatedAt, GroupStats stats) {}
