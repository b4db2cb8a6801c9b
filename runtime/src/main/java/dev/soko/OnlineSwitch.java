package dev.soko;

/**
 * Turns online serving of one feature group on or off. Both are idempotent and recorded in the
 * registry.
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
