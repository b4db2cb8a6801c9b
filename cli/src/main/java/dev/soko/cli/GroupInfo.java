package dev.soko.cli;

import dev.soko.GroupSpec;
import dev.soko.spi.GroupRecord;
import dev.soko.spi.GroupStats;

/**
 * A group as {@code list} and {@code describe} show it.
 *
 * @param record the registry's record: spec, online state, creation and update times
 * @param stats the offline history's statistics
 */
record GroupInfo(GroupRecord record, GroupStats stats) {

  GroupSpec spec() {
    return record.spec();
  }
}
