package dev.soko.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Reads annotations through their mirrors, so that the processor never loads the user's annotation
 * values as classes.
 */
final class Mirrors {

  static final String FEATURE_GROUP = "dev.soko.annotations.FeatureGroup";
  static final String KEY = "dev.soko.annotations.Key";
  static final String EVENT_TIME = "dev.soko.annotations.EventTime";
  static final String FEATURE = "dev.soko.annotations.Feature";

  private final Elements elements;

  Mirrors(Elements elements) {
    this.elements = elements;
  }

  /** Returns the annotation of the given type on the element, if it carries one. */
  Optional<AnnotationMirror> find(Element element, String annotationType) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(annotationType)) {
        return Optional.of(mirror);
      }
    }

    return Optional.empty();
  }

  /** Returns the value of an attribute, its default if not given. */
  AnnotationValue value(AnnotationMirror mirror, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        elements.getElementValuesWithDefaults(mirror).entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(attribute)) {
        return entry.getValue();
      }
    }

    throw new IllegalArgumentException(
        "Annotation " + mirror + " has no attribute '" + attribute + "'");
  }

  /** Returns the value of an attribute written in the source, or null if it takes its default. */
  AnnotationValue explicitValue(AnnotationMirror mirror, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(attribute)) {
        return entry.getValue();
      }
    }

    return null;
  }

  String string(AnnotationMirror mirror, String attribute) {
    return (String) value(mirror, attribute).getValue();
  }

  int integer(AnnotationMirror mirror, String attribute) {
    return (Integer) value(mirror, attribute).getValue();
  }

  boolean bool(AnnotationMirror mirror, String attribute) {
    return (Boolean) value(mirror, attribute).getValue();
  }

  List<String> strings(AnnotationMirror mirror, String attribute) {
    List<String> strings = new ArrayList<>();
    for (Object item : (List<?>) value(mirror, attribute).getValue()) {
      strings.add((String) ((AnnotationValue) item).getValue());
    }

    return List.copyOf(strings);
  }
}
