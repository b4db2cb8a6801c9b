package dev.soko.processor;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * One mistake in a feature group declaration, placed on the element (and, when there is one, the
 * annotation and the attribute) that the caret should point at.
 */
record Problem(Element element, AnnotationMirror mirror, AnnotationValue value, String message) {}
