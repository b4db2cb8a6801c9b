package dev.soko;

/**
 * Turns online serving of one feature group on or off, and re-materializes its online copy. All are
 * idempotent; the on/off state is recorded in the registry.
 *
 * <pre>{@code
 * store.online(UserEngagementGroup.DEFINITION).enable();
 * }</pre>
 */
public final class OnlineSwitch {

  private final FeatureStore store;
  private final GroupSpec spec;

  OnlineSwitch(FeatureStore store, GroupSpec spec) {
    this.store = store;
    this.spec = spec;
  }

  /**
   * Turns online serving on: creates the group's online storage and fills it with the latest value
   * of each key within the TTL from the offline store; from then on every write also goes online.
   * When online is already on, fills in any key the online store misses, which repairs a failed
   * online write.
   *
   * @return how many keys were written to the online store
   * @throws SokoException if the group was never applied, or a store fails
   */
  public long enable() {
    return store.enableOnline(spec);
  }

  /**
   * Fills the online copy again from the offline store, replacing whatever it holds: the latest
   * value of each key within the TTL, as {@link #enable()} loads them. This repairs an online copy
   * that a failed online write or an outside change left wrong or incomplete. Idempotent.
   *
   * @return how many keys were written to the online store
   * @throws SokoException if online serving is off for the group (turn it on with {@link
   *     #enable()}, which materializes it), the group was never applied, or a store fails
   */
  public long materialize() {
    return store.materializeOnline(spec);
  }

  /**
   * Turns online serving off and deletes the group's online values.
   *
   * @throws SokoException if the group was never applied, or a store fails
   */
  public void disable() {
    store.disableOnline(spec);
  }

  /** Returns whether online serving is on, as the registry records it. */
  public boolean isEnabled() {
    return store
        .requireApplied(spec, "read the online state of group '" + spec.name() + "'")
        .online();
  }

  /** Returns whether the online store holds storage for the group. */
  public boolean isMaterialized() {
    return store.onlineStore().exists(spec);
  }
}
