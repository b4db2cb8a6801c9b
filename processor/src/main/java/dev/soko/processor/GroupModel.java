package dev.soko.processor;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * A valid feature group: what generation needs of the record and its annotations.
 *
 * @param element the record
 * @param recordClass the record's class name
 * @param name the group name
 * @param version the group version
 * @param description the group's description, or the empty string
 * @param owner the group's owner, or the empty string
 * @param tags the group's tags
 * @param ttl the ISO-8601 time-to-live, or the empty string if values never expire
 * @param online whether online serving is wanted when the group is first applied
 * @param keys the key columns, in declaration order
 * @param eventTime the event time column
 * @param features the feature columns, in declaration order
 */
record GroupModel(
    TypeElement element,
    ClassName recordClass,
    String name,
    int version,
    String description,
    String owner,
    List<String> tags,
    String ttl,
    boolean online,
    List<ColumnModel> keys,
    ColumnModel eventTime,
    List<ColumnModel> features) {

  /** Returns every column in stored order: keys, event time, features. */
  List<ColumnModel> columns() {
    List<ColumnModel> columns = new ArrayList<>(keys);
    columns.add(eventTime);
    columns.addAll(features);
    return columns;
  }

  /** Returns the columns in the record's component order. */
  List<ColumnModel> components() {
    List<ColumnModel> components = new ArrayList<>(columns());
    List<String> order =
        element.getRecordComponents().stream().map(c -> c.getSimpleName().toString()).toList();
    components.sort((a, b) -> order.indexOf(a.accessor()) - order.indexOf(b.accessor()));
    return components;
  }

  ClassName groupClass() {
    return generatedClass("Group");
  }

  ClassName writerClass() {
    return generatedClass("Writer");
  }

  ClassName readerClass() {
    return generatedClass("Reader");
  }

  /** Returns the path of the group's description under the class output. */
  String descriptionPath() {
    return "META-INF/soko/" + name + ".v" + version + ".json";
  }

  private ClassName generatedClass(String suffix) {
    // A nested record Outer.Inner gets Outer_InnerGroup, so that two nested records never clash.
    return ClassName.get(
        recordClass.packageName(), String.join("_", recordClass.simpleNames()) + suffix);
  }
}
