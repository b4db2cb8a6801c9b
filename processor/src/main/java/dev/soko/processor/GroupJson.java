package dev.soko.processor;

import java.util.List;

/**
 * Writes the registry's JSON description of a group. Written by hand, so that the processor needs
 * no JSON library on the user's annotation processor path.
 */
final class GroupJson {

  private final StringBuilder out = new StringBuilder();

  private GroupJson() {}

  /** Returns the description of a group as pretty-printed JSON, ending with a new line. */
  static String of(GroupModel group) {
    GroupJson json = new GroupJson();
    json.out.append("{\n");
    json.field(1, "name").string(group.name()).next();
    json.field(1, "version").raw(Integer.toString(group.version())).next();
    json.field(1, "description").string(group.description()).next();
    json.field(1, "owner").string(group.owner()).next();
    json.field(1, "tags").strings(group.tags()).next();
    json.field(1, "ttl");
    if (group.ttl().isEmpty()) {
      json.raw("null");
    } else {
      json.string(group.ttl());
    }

    json.next();
    json.field(1, "online").raw(Boolean.toString(group.online())).next();
    json.field(1, "recordClass").string(group.recordClass().reflectionName()).next();
    json.field(1, "definitionClass").string(group.groupClass().reflectionName()).next();
    json.field(1, "keys").raw("[\n");
    for (int i = 0; i < group.keys().size(); i++) {
      ColumnModel key = group.keys().get(i);
      json.indent(2).raw("{\"name\": ").string(key.name());
      json.raw(", \"type\": ").string(key.type().name()).raw("}");
      json.raw(i + 1 < group.keys().size() ? ",\n" : "\n");
    }

    json.indent(1).raw("]").next();
    json.field(1, "eventTime").raw("{\"name\": ").string(group.eventTime().name()).raw("}").next();
    json.field(1, "features").raw(group.features().isEmpty() ? "[" : "[\n");
    for (int i = 0; i < group.features().size(); i++) {
      ColumnModel feature = group.features().get(i);
      json.indent(2).raw("{\n");
      json.field(3, "name").string(feature.name()).next();
      json.field(3, "type").string(feature.type().name()).next();
      json.field(3, "nullable").raw(Boolean.toString(feature.nullable())).next();
      json.field(3, "description").string(feature.description()).next();
      json.field(3, "tags").strings(feature.tags()).raw("\n");
      json.indent(2).raw(i + 1 < group.features().size() ? "},\n" : "}\n");
    }

    json.indent(group.features().isEmpty() ? 0 : 1).raw("]\n}\n");
    return json.out.toString();
  }

  private GroupJson field(int depth, String name) {
    return indent(depth).string(name).raw(": ");
  }

  private GroupJson next() {
    return raw(",\n");
  }

  private GroupJson indent(int depth) {
    out.append("  ".repeat(depth));
    return this;
  }

  private GroupJson raw(String text) {
    out.append(text);
    return this;
  }

  private GroupJson strings(List<String> values) {
    out.append('[');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }

      string(values.get(i));
    }

    out.append(']');
    return this;
  }

  /** Appends a JSON string, escaping what RFC 8259 requires. */
  GroupJson string(String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }

    out.append('"');
    return this;
  }

  /** Returns a value as a JSON string literal. */
  static String quote(String value) {
    return new GroupJson().string(value).out.toString();
  }
}
