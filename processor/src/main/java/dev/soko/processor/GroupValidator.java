package dev.soko.processor;

import com.palantir.javapoet.ClassName;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Checks a {@code @FeatureGroup} type and builds its model. Both processors validate through this
 * one class; only the one that generates per-record code reports the problems, so each is reported
 * once.
 */
final class GroupValidator {

  private final Mirrors mirrors;

  GroupValidator(Mirrors mirrors) {
    this.mirrors = mirrors;
  }

  /** Validates a type annotated with {@code @FeatureGroup}. */
  Validation validate(TypeElement type) {
    AnnotationMirror group = mirrors.find(type, Mirrors.FEATURE_GROUP).orElseThrow();
    String typeName = type.getSimpleName().toString();
    if (type.getKind() != ElementKind.RECORD) {
      return Validation.invalid(
          List.of(new Problem(type, group, null, Messages.notARecord(typeName))));
    }

    for (RecordComponentElement component : type.getRecordComponents()) {
      if (unresolved(component.asType())) {
        return Validation.defer();
      }
    }

    List<Problem> problems = new ArrayList<>();
    if (!type.getTypeParameters().isEmpty()) {
      problems.add(new Problem(type, group, null, Messages.generic(typeName)));
    }

    // Limitation: only the record's own modifiers are checked; a record nested in a private class
    // passes, and then its generated code does not compile.
    if (type.getModifiers().contains(Modifier.PRIVATE)) {
      problems.add(new Problem(type, group, null, Messages.privateRecord(typeName)));
    }

    String name = mirrors.string(group, "name");
    if (name.isEmpty()) {
      name = Names.snakeCase(typeName);
    }

    AnnotationValue nameValue = mirrors.explicitValue(group, "name");
    if (name.startsWith("_")) {
      problems.add(new Problem(type, group, nameValue, Messages.reservedGroupName(name)));
    } else if (!Names.VALID.matcher(name).matches()) {
      problems.add(new Problem(type, group, nameValue, Messages.badGroupName(name)));
    }

    int version = mirrors.integer(group, "version");
    if (version < 1) {
      problems.add(
          new Problem(
              type, group, mirrors.explicitValue(group, "version"), Messages.badVersion(version)));
    }

    String ttl = mirrors.string(group, "ttl");
    checkTtl(ttl)
        .ifPresent(
            message ->
                problems.add(
                    new Problem(type, group, mirrors.explicitValue(group, "ttl"), message)));

    List<ColumnModel> keys = new ArrayList<>();
    List<ColumnModel> features = new ArrayList<>();
    ColumnModel eventTime = null;
    RecordComponentElement firstEventTime = null;
    boolean anyKey = false;
    Map<String, RecordComponentElement> columnNames = new HashMap<>();
    for (RecordComponentElement component : type.getRecordComponents()) {
      String componentName = component.getSimpleName().toString();
      Optional<AnnotationMirror> key = mirrors.find(component, Mirrors.KEY);
      Optional<AnnotationMirror> time = mirrors.find(component, Mirrors.EVENT_TIME);
      Optional<AnnotationMirror> feature = mirrors.find(component, Mirrors.FEATURE);
      TypeMirror javaType = component.asType();
      ColumnType columnType = columnType(javaType);
      boolean primitive = javaType.getKind().isPrimitive();
      int before = problems.size();
      AnnotationMirror naming;
      String annotation;
      if (key.isPresent() && time.isPresent()) {
        problems.add(
            new Problem(at(component), time.get(), null, Messages.keyAndEventTime(componentName)));
        anyKey = true;
        firstEventTime = firstEventTime == null ? component : firstEventTime;
        continue;
      } else if (key.isPresent()) {
        anyKey = true;
        naming = key.get();
        annotation = "Key";
        feature.ifPresent(
            mirror ->
                problems.add(
                    new Problem(
                        at(component), mirror, null, Messages.featureOnKey(componentName))));
        if (columnType == null || !columnType.isKeyType()) {
          problems.add(
              new Problem(
                  at(component), naming, null, Messages.keyType(componentName, display(javaType))));
        }
      } else if (time.isPresent()) {
        naming = time.get();
        annotation = "EventTime";
        feature.ifPresent(
            mirror ->
                problems.add(
                    new Problem(
                        at(component), mirror, null, Messages.featureOnEventTime(componentName))));
        if (firstEventTime != null) {
          problems.add(
              new Problem(
                  at(component),
                  naming,
                  null,
                  Messages.severalEventTimes(
                      componentName, firstEventTime.getSimpleName().toString())));
          continue;
        }

        firstEventTime = component;
        if (columnType != ColumnType.TIMESTAMP) {
          problems.add(
              new Problem(
                  at(component),
                  naming,
                  null,
                  Messages.eventTimeType(componentName, display(javaType))));
        }
      } else {
        naming = feature.orElse(null);
        annotation = "Feature";
        if (columnType == null) {
          problems.add(
              new Problem(
                  at(component),
                  naming,
                  null,
                  Messages.featureType(componentName, display(javaType))));
        }
      }

      String columnName = naming == null ? "" : mirrors.string(naming, "name");
      AnnotationValue columnNameValue =
          naming == null ? null : mirrors.explicitValue(naming, "name");
      if (columnName.isEmpty()) {
        columnName = Names.snakeCase(componentName);
      }

      if (columnName.startsWith("_")) {
        problems.add(
            new Problem(
                at(component),
                naming,
                columnNameValue,
                Messages.reservedColumnName(columnName, componentName, annotation)));
      } else if (columnName.equals("rowid")) {
        problems.add(
            new Problem(
                at(component),
                naming,
                columnNameValue,
                Messages.rowidColumnName(componentName, annotation)));
      } else if (!Names.VALID.matcher(columnName).matches()) {
        problems.add(
            new Problem(
                at(component),
                naming,
                columnNameValue,
                Messages.badColumnName(columnName, componentName, annotation)));
      } else if (columnNames.containsKey(columnName)) {
        problems.add(
            new Problem(
                at(component),
                naming,
                columnNameValue,
                Messages.duplicateColumn(
                    columnName,
                    componentName,
                    columnNames.get(columnName).getSimpleName().toString(),
                    annotation)));
      } else if (key.isEmpty()
          && time.isEmpty()
          && Names.constantCase(columnName).equals("DEFINITION")) {
        problems.add(
            new Problem(
                at(component),
                naming,
                columnNameValue,
                Messages.constantClash(columnName, componentName)));
      }

      columnNames.putIfAbsent(columnName, component);
      if (problems.size() > before) {
        continue;
      }

      if (key.isPresent()) {
        keys.add(
            new ColumnModel(
                component, componentName, columnName, columnType, primitive, false, "", List.of()));
      } else if (time.isPresent()) {
        eventTime =
            new ColumnModel(
                component, componentName, columnName, columnType, primitive, false, "", List.of());
      } else {
        features.add(
            new ColumnModel(
                component,
                componentName,
                columnName,
                columnType,
                primitive,
                !primitive,
                naming == null ? "" : mirrors.string(naming, "description"),
                naming == null ? List.of() : mirrors.strings(naming, "tags")));
      }
    }

    if (!anyKey) {
      problems.add(new Problem(type, group, null, Messages.noKey(typeName)));
    }

    if (firstEventTime == null) {
      problems.add(new Problem(type, group, null, Messages.noEventTime(typeName)));
    }

    if (!problems.isEmpty()) {
      return Validation.invalid(problems);
    }

    return Validation.valid(
        new GroupModel(
            type,
            ClassName.get(type),
            name,
            version,
            mirrors.string(group, "description"),
            mirrors.string(group, "owner"),
            mirrors.strings(group, "tags"),
            ttl,
            mirrors.bool(group, "online"),
            keys,
            eventTime,
            features));
  }

  /**
   * Returns the element to report a component's problem on. Javac (17) gives a record component no
   * source position, so the problem goes on the component's field, which is declared by the same
   * code in the record header; the caret lands on the component's name.
   */
  private static Element at(RecordComponentElement component) {
    for (Element member : component.getEnclosingElement().getEnclosedElements()) {
      if (member.getKind() == ElementKind.FIELD
          && !member.getModifiers().contains(Modifier.STATIC)
          && member.getSimpleName().equals(component.getSimpleName())) {
        return member;
      }
    }

    return component;
  }

  private static Optional<String> checkTtl(String ttl) {
    if (ttl.isEmpty()) {
      return Optional.empty();
    }

    try {
      Duration duration = Duration.parse(ttl);
      if (duration.isNegative() || duration.isZero()) {
        return Optional.of(Messages.nonPositiveTtl(ttl));
      }

      return Optional.empty();
    } catch (DateTimeParseException e) {
      return Optional.of(Messages.badTtl(ttl));
    }
  }

  /** Returns the column type of a Java type, or null if no column type fits. */
  private static ColumnType columnType(TypeMirror type) {
    switch (type.getKind()) {
      case BOOLEAN:
        return ColumnType.BOOLEAN;
      case INT:
        return ColumnType.INT;
      case LONG:
        return ColumnType.LONG;
      case FLOAT:
        return ColumnType.FLOAT;
      case DOUBLE:
        return ColumnType.DOUBLE;
      case ARRAY:
        TypeKind element = ((ArrayType) type).getComponentType().getKind();
        return element == TypeKind.BYTE
            ? ColumnType.BYTES
            : element == TypeKind.FLOAT ? ColumnType.FLOAT_ARRAY : null;
      case DECLARED:
        return declaredColumnType((DeclaredType) type);
      default:
        return null;
    }
  }

  private static ColumnType declaredColumnType(DeclaredType type) {
    String name = ((TypeElement) type.asElement()).getQualifiedName().toString();
    List<? extends TypeMirror> arguments = type.getTypeArguments();
    if (name.equals("java.util.List")) {
      if (arguments.size() != 1 || arguments.get(0).getKind() != TypeKind.DECLARED) {
        return null;
      }

      DeclaredType element = (DeclaredType) arguments.get(0);
      String elementName = ((TypeElement) element.asElement()).getQualifiedName().toString();
      return switch (elementName) {
        case "java.lang.String" -> ColumnType.STRING_LIST;
        case "java.lang.Long" -> ColumnType.LONG_LIST;
        default -> null;
      };
    }

    return switch (name) {
      case "java.lang.Boolean" -> ColumnType.BOOLEAN;
      case "java.lang.Integer" -> ColumnType.INT;
      case "java.lang.Long" -> ColumnType.LONG;
      case "java.lang.Float" -> ColumnType.FLOAT;
      case "java.lang.Double" -> ColumnType.DOUBLE;
      case "java.lang.String" -> ColumnType.STRING;
      case "java.time.Instant" -> ColumnType.TIMESTAMP;
      case "java.time.LocalDate" -> ColumnType.DATE;
      default -> null;
    };
  }

  /** Returns whether a type, or a part of it, does not exist yet (it may be generated later). */
  private static boolean unresolved(TypeMirror type) {
    return switch (type.getKind()) {
      case ERROR -> true;
      case ARRAY -> unresolved(((ArrayType) type).getComponentType());
      case DECLARED ->
          ((DeclaredType) type).getTypeArguments().stream().anyMatch(GroupValidator::unresolved);
      default -> false;
    };
  }

  /** Returns a type as a user writes it: {@code Set<String>}, not {@code java.util.Set<...>}. */
  private static String display(TypeMirror type) {
    return switch (type.getKind()) {
      case ARRAY -> display(((ArrayType) type).getComponentType()) + "[]";
      case DECLARED -> {
        DeclaredType declared = (DeclaredType) type;
        String simple = declared.asElement().getSimpleName().toString();
        yield declared.getTypeArguments().isEmpty()
            ? simple
            : simple
                + declared.getTypeArguments().stream()
                    .map(GroupValidator::display)
                    .collect(Collectors.joining(", ", "<", ">"));
      }
      default -> type.toString();
    };
  }
}
