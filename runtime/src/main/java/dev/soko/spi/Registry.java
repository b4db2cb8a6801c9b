package dev.soko.spi;

import java.util.List;
import java.util.Optional;

/**
 * Where a backend keeps the feature groups' definitions and online state.
 *
 * <p>Implementations must be safe for concurrent use: online reads call {@link #find} and {@link
 * #list} from many threads at once, and while a {@link #put} runs, without locking.
 */
public interface Registry {

  /** Returns the group of that name and version, if it was applied. */
  Optional<GroupRecord> find(String name, int version);

  /** Returns every applied group, by name then version. */
  List<GroupRecord> list();

  /** Creates or replaces a group's record. */
  void put(GroupRecord record);
}
