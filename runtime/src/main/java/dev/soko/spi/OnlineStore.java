package dev.soko.spi;

import dev.soko.EntityKey;
import dev.soko.GroupSpec;
import java.util.List;
import java.util.Optional;

/**
 * The latest values per key of the groups that are online. The runtime applies the TTL when it
 * reads; a store keeps what it is given.
 *
 * <p>Implementations must be safe for concurrent use: the runtime calls {@link #read} from many
 * threads at once, and while a {@link #write} runs, without locking. A read must see each key's row
 * either as before a concurrent write or as after it, never a mix of the two. The runtime calls the
 * other methods one at a time.
 */
public interface OnlineStore {

  /** Returns whether the group has online storage. */
  boolean exists(GroupSpec spec);

  /** Creates the group's online storage. Idempotent. */
  void create(GroupSpec spec);

  /** Deletes the group's online storage and every value in it. Idempotent. */
  void drop(GroupSpec spec);

  /**
   * Writes rows, keeping for each key the row that {@linkplain OnlineRow#supersedes supersedes} the
   * others: a row never overwrites a newer one. The runtime hands at most one row per key.
   *
   * @return the number of keys whose stored row changed
   */
  long write(GroupSpec spec, List<OnlineRow> rows);

  /** Reads the stored rows of the keys, in the order given; absent keys give an empty value. */
  List<Optional<OnlineRow>> read(GroupSpec spec, List<EntityKey> keys);
}
