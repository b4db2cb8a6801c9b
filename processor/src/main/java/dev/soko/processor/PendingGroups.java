package dev.soko.processor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The {@code @FeatureGroup} types a processor has still to handle: those of the current round and
 * those deferred from earlier rounds because a type they use did not exist yet.
 */
final class PendingGroups {

  private final Elements elements;
  private final Set<String> deferred = new LinkedHashSet<>();

  PendingGroups(Elements elements) {
    this.elements = elements;
  }

  /** Returns the deferred types, then the new ones of this round, and forgets the deferred ones. */
  List<TypeElement> take(RoundEnvironment round, TypeElement annotation) {
    Set<TypeElement> types = new LinkedHashSet<>();
    for (String name : deferred) {
      TypeElement type = elements.getTypeElement(name);
      if (type != null) {
        types.add(type);
      }
    }

    deferred.clear();
    if (annotation != null) {
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        if (element instanceof TypeElement type) {
          types.add(type);
        }
      }
    }

    return new ArrayList<>(types);
  }

  /** Keeps a type for the next round. */
  void defer(TypeElement type) {
    deferred.add(type.getQualifiedName().toString());
  }
}
