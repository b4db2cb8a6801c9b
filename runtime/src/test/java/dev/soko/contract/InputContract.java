package dev.soko.contract;

import static dev.soko.contract.StoreFixtures.CLICKS;
import static dev.soko.contract.StoreFixtures.click;
import static dev.soko.contract.StoreFixtures.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soko.EntityKey;
import dev.soko.FeatureRef;
import dev.soko.GroupDefinition;
import dev.soko.GroupSearch;
import dev.soko.GroupSpec;
import dev.soko.KeyMapping;
import dev.soko.Spine;
import dev.soko.TimeRange;
import dev.soko.TrainingSet;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

/**
 * The store's argument checks: a null or blank argument at a public entry point is refused with one
 * message naming the operation, the argument and the fix, and nothing is read or written.
 */
public abstract class InputContract extends StoreContract {

  private static final TimeRange RANGE = TimeRange.of(daysAgo(10), daysAgo(0));
  private static final EntityKey KEY = EntityKey.of("u1");
  private static final String DEFINITION_FIX =
      "give a generated group definition, such as UserEngagementGroup.DEFINITION";
  private static final String SPEC_FIX =
      "give the group's spec, such as UserEngagementGroup.DEFINITION.spec(), or its name";
  private static final String NAME_FIX = "give the name of an applied group; list() shows them";

  @Test
  void applyRefusesANullDefinitionNamingItsPosition() {
    assertThatThrownBy(() -> store.apply(CLICKS, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("Cannot apply groups: definition 2 is null; " + DEFINITION_FIX);
    assertThatThrownBy(() -> store.apply((GroupDefinition<?>[]) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("Cannot apply groups: the array of definitions is null; " + DEFINITION_FIX);
    assertThatThrownBy(() -> store.apply(CLICKS.spec(), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("Cannot apply groups: spec 2 is null; " + SPEC_FIX);
    assertThat(store.list()).isEmpty();
  }

  @Test
  void applyRefusesOneGroupVersionGivenTwiceDifferently() {
    GroupSpec other = StoreFixtures.clicksWithNewMetadata();

    assertThatThrownBy(() -> store.apply(CLICKS.spec(), other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot apply groups: group 'store_clicks' version 1 is given twice, with different"
                + " definitions; give each group version once. Nothing was applied.");
    assertThat(store.list()).isEmpty();
  }

  @Test
  void writesRefuseANullGroup() {
    store.apply(CLICKS).orThrow();

    assertThatThrownBy(() -> store.write((GroupDefinition<StoreFixtures.Click>) null, List.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("Cannot write rows: the group is null; " + DEFINITION_FIX);
    assertThatThrownBy(() -> store.write((GroupSpec) null, (VectorSchemaRoot) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("Cannot write a batch: the group is null; " + SPEC_FIX);
    assertThatThrownBy(() -> store.write((String) null, (VectorSchemaRoot) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("Cannot write a batch: the group name is null; " + NAME_FIX);
    assertThatThrownBy(() -> store.write(" ", (VectorSchemaRoot) null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot write a batch: the group name ' ' is blank; " + NAME_FIX);
    assertThatThrownBy(
            () ->
                store.backfill(
                    (GroupDefinition<StoreFixtures.Click>) null,
                    RANGE,
                    List.of(click("u1", daysAgo(1), 1))))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("Cannot backfill rows: the group is null; " + DEFINITION_FIX);
    assertThatThrownBy(() -> store.backfill((GroupSpec) null, RANGE, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("Cannot backfill a batch: the group is null; " + SPEC_FIX);
    assertThatThrownBy(() -> store.backfill((String) null, RANGE, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("Cannot backfill a batch: the group name is null; " + NAME_FIX);
    assertThat(rows(CLICKS)).isZero();
  }

  @Test
  void readsAndSwitchesRefuseANullGroupOrArgument() {
    store.apply(CLICKS).orThrow();

    assertThatThrownBy(() -> store.online((GroupDefinition<?>) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("Cannot switch online serving: the group is null; " + DEFINITION_FIX);
    assertThatThrownBy(() -> store.online((String) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("Cannot switch online serving: the group name is null; " + NAME_FIX);
    assertThatThrownBy(() -> store.history((GroupDefinition<StoreFixtures.Click>) null, RANGE))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("Cannot read the history of a group: the group is null; " + DEFINITION_FIX);
    assertThatThrownBy(() -> store.history("store_clicks", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot read the history of group 'store_clicks': range is null; give one. Nothing was"
                + " read or written.");
    assertThatThrownBy(() -> store.asOf((GroupDefinition<StoreFixtures.Click>) null, daysAgo(1)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("Cannot read a group as of an instant: the group is null; " + DEFINITION_FIX);
    assertThatThrownBy(() -> store.asOf("store_clicks", (Instant) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot read group 'store_clicks' as of an instant: instant is null; give one. Nothing"
                + " was read or written.");
    assertThatThrownBy(() -> store.describe(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("Cannot describe a group: the group name is null; " + NAME_FIX);
    assertThatThrownBy(() -> store.search((String) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot search groups: the text is null; give words to find, or call list() for all");
    assertThatThrownBy(() -> store.search((GroupSearch) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot search groups: the search is null; give one, such as"
                + " GroupSearch.all().withTag(\"user\")");
  }

  // Regression: online reads took a null group or key without a check, failing with a bare
  // NullPointerException, "no group named 'null'", or a message about online serving.
  @Test
  void onlineReadsRefuseANullGroupOrKey() {
    store.apply(CLICKS).orThrow();

    assertThatThrownBy(() -> store.latest((GroupDefinition<StoreFixtures.Click>) null, KEY))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot read the latest values of a group: the group is null; " + DEFINITION_FIX);
    assertThatThrownBy(
            () -> store.latest((GroupDefinition<StoreFixtures.Click>) null, List.of(KEY)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot read the latest values of a group: the group is null; " + DEFINITION_FIX);
    assertThatThrownBy(() -> store.latest((String) null, KEY))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot read the latest values of a group: the group name is null; " + NAME_FIX);
    assertThatThrownBy(() -> store.latest(" ", KEY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot read the latest values of a group: the group name ' ' is blank; " + NAME_FIX);
    assertThatThrownBy(() -> store.latest(CLICKS, (EntityKey) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot read the latest values of group 'store_clicks': key is null; give one. Nothing"
                + " was read or written.");
    assertThatThrownBy(() -> store.latest(CLICKS, (List<EntityKey>) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot read the latest values of group 'store_clicks': keys is null; give one."
                + " Nothing was read or written.");
    assertThatThrownBy(() -> store.latest("store_clicks", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot read the latest values of group 'store_clicks': key is null; give one. Nothing"
                + " was read or written.");
  }

  @Test
  void trainingSetBuilderRefusesNullChoices() {
    store.apply(CLICKS).orThrow();
    TrainingSet.Builder builder =
        store.trainingSet(Spine.records(CLICKS, List.of(click("u1", daysAgo(1), 1))));

    assertThatThrownBy(() -> builder.with((GroupDefinition<?>) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("Cannot add a group to the training set: the group is null; " + DEFINITION_FIX);
    assertThatThrownBy(() -> builder.with(CLICKS, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot add group 'store_clicks' to the training set: the key mapping is null; give"
                + " KeyMapping.keys(...), or leave it out to look keys up under their own names");
    assertThatThrownBy(() -> builder.with((String) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot add a group to the training set: the group name is null; give the name of an"
                + " applied group, as 'soko list' shows it");
    assertThatThrownBy(() -> builder.with("store_clicks", null, KeyMapping.keys()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot add a feature of group 'store_clicks' to the training set: the feature name is"
                + " null; give the name of one of the group's features");
    assertThatThrownBy(() -> builder.with((FeatureRef<?>) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot add a feature to the training set: the feature is null; give a generated"
                + " feature reference, such as UserEngagementGroup.CLICKS_24H");
    assertThatThrownBy(() -> store.trainingSet(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot build a training set: spine is null; give one. Nothing was read or written.");
  }

  @Test
  void trainingSetOutputsRefuseANullTarget() {
    store.apply(CLICKS).orThrow();
    TrainingSet set =
        store
            .trainingSet(Spine.records(CLICKS, List.of(click("u1", daysAgo(1), 1))))
            .with(CLICKS)
            .build();

    assertThatThrownBy(() -> set.arrow((BufferAllocator) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot read the training set as Arrow batches: the allocator is null; give a"
                + " BufferAllocator, such as new RootAllocator(), and close it after the reader");
    assertThatThrownBy(() -> set.writeParquet((Path) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot write the training set: the path is null; give the file to write, such as"
                + " Path.of(\"train.parquet\")");
    assertThatThrownBy(() -> set.writeCsv((Path) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot write the training set: the path is null; give the file to write, such as"
                + " Path.of(\"train.csv\")");
  }
}
