package dev.soko.spi;

import dev.soko.EntityKey;
import dev.soko.GroupSpec;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

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

  /**
   * Replaces the group's whole online copy with the rows that {@code fill} writes through {@link
   * #write}, creating the storage if needed. A store that can should make this one atomic step, so
   * that readers see the old copy until the new one is complete, and keep the old copy when {@code
   * fill} fails. This default drops, creates and fills: meanwhile, readers see the copy empty or
   * partly filled, and a failure leaves it so.
   *
   * @return what {@code fill} returns
   */
  default long replace(GroupSpec spec, LongSupplier fill) {
    drop(spec);
    create(spec);
    return fill.getAsLong();
  }

  /** Reads the stored rows of the keys, in the order given; absent keys give an empty value. */
  List<Optional<OnlineRow>> read(GroupSpec spec, List<EntityKey> keys);
}
