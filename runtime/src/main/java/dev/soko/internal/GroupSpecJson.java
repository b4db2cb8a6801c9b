package dev.soko.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.soko.Column;
import dev.soko.FeatureType;
import dev.soko.GroupSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts a {@link GroupSpec} to JSON and back, for registries that store specs as text.
 *
 * <p>The document holds {@code name}, {@code version}, {@code description}, {@code owner}, {@code
 * tags}, {@code ttl} (ISO-8601, or null), {@code online}, and {@code keys}, {@code eventTime} and
 * {@code features} as columns with {@code name}, {@code type} (a {@link FeatureType} name), {@code
 * nullable}, {@code description} and {@code tags}.
 */
public final class GroupSpecJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private GroupSpecJson() {}

  /** Returns the spec as a compact JSON document. */
  public static String write(GroupSpec spec) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("name", spec.name());
    root.put("version", spec.version());
    root.put("description", spec.description());
    root.put("owner", spec.owner());
    strings(root.putArray("tags"), spec.tags());
    root.put("ttl", spec.ttlIfAny().map(Duration::toString).orElse(null));
    root.put("online", spec.online());
    ArrayNode keys = root.putArray("keys");
    spec.keys().forEach(k -> column(keys.addObject(), k));
    column(root.putObject("eventTime"), spec.eventTime());
    ArrayNode features = root.putArray("features");
    spec.features().forEach(f -> column(features.addObject(), f));
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the spec of group " + spec.name(), e);
    }
  }

  /**
   * Reads a spec written by {@link #write}.
   *
   * @throws IllegalArgumentException if the text is not such a document
   */
  public static GroupSpec read(String json) {
    try {
      JsonNode root = MAPPER.readTree(json);
      String ttl = root.path("ttl").isTextual() ? root.get("ttl").asText() : null;
      List<Column> keys = new ArrayList<>();
      root.withArray("keys").forEach(k -> keys.add(column(k, Column.Role.KEY)));
      List<Column> features = new ArrayList<>();
      root.withArray("features").forEach(f -> features.add(column(f, Column.Role.FEATURE)));
      return new GroupSpec(
          root.get("name").asText(),
          root.get("version").asInt(),
          root.path("description").asText(""),
          root.path("owner").asText(""),
          strings(root.path("tags")),
          ttl == null ? null : Duration.parse(ttl),
          root.path("online").asBoolean(false),
          keys,
          column(root.get("eventTime"), Column.Role.EVENT_TIME),
          features);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalArgumentException(
          "Cannot read a group spec from JSON: " + e.getMessage(), e);
    }
  }

  private static void column(ObjectNode node, Column column) {
    node.put("name", column.name());
    node.put("type", column.type().name());
    node.put("nullable", column.nullable());
    node.put("description", column.description());
    strings(node.putArray("tags"), column.tags());
  }

  private static Column column(JsonNode node, Column.Role role) {
    return new Column(
        node.get("name").asText(),
        FeatureType.valueOf(node.get("type").asText()),
        role,
        node.path("nullable").asBoolean(false),
        node.path("description").asText(""),
        strings(node.path("tags")));
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
