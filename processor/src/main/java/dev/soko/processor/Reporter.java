package dev.soko.processor;

import java.io.PrintWriter;
import java.io.StringWriter;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/** Sends every diagnostic of a processor to the compiler, placed on the user's code. */
final class Reporter {

  private final Messager messager;
  private final boolean verbose;

  Reporter(Messager messager, boolean verbose) {
    this.messager = messager;
    this.verbose = verbose;
  }

  /** Reports each problem of a validation as an error. */
  void report(Validation validation) {
    for (Problem problem : validation.problems()) {
      error(problem.element(), problem.mirror(), problem.value(), problem.message());
    }
  }

  void error(Element element, AnnotationMirror mirror, AnnotationValue value, String message) {
    if (mirror == null) {
      messager.printMessage(Diagnostic.Kind.ERROR, message, element);
    } else if (value == null) {
      messager.printMessage(Diagnostic.Kind.ERROR, message, element, mirror);
    } else {
      messager.printMessage(Diagnostic.Kind.ERROR, message, element, mirror, value);
    }
  }

  /** Turns a failure of the processor itself into a compile error that carries its stack trace. */
  void unexpected(TypeElement type, Throwable failure) {
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    messager.printMessage(
        Diagnostic.Kind.ERROR,
        Messages.unexpected(type.getQualifiedName().toString(), trace.toString()),
        type);
  }

  /** Reports a note, only when the {@code soko.verbose} option is on. */
  void note(Element element, String message) {
    if (verbose) {
      messager.printMessage(Diagnostic.Kind.NOTE, message, element);
    }
  }
}
