package dev.soko.processor;

import com.palantir.javapoet.TypeName;
import java.util.List;
import javax.lang.model.element.Element;

/**
 * One column of a valid feature group, as read from a record component.
 *
 * @param element the record component
 * @param accessor the component's name, which is also its accessor's
 * @param name the column name
 * @param type the column type
 * @param primitive whether the component is of a primitive type
 * @param nullable whether the column may hold nulls: a feature of a reference type
 * @param description the feature's description, or the empty string
 * @param tags the feature's tags
 */
record ColumnModel(
    Element element,
    String accessor,
    String name,
    ColumnType type,
    boolean primitive,
    boolean nullable,
    String description,
    List<String> tags) {

  /** Returns the component's Java type as declared. */
  TypeName javaType() {
    return primitive ? type.javaType() : type.boxedType();
  }

  /** Returns the name of the feature's constant, such as {@code CLICKS_24H}. */
  String constant() {
    return Names.constantCase(name);
  }
}
