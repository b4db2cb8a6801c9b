package dev.soko.processor;

/**
 * Every message the processor reports, in one place. A message names its subject first, says what
 * must or must not be, and ends with the fix.
 */
final class Messages {

  private static final String NAME_RULE =
      "lower case letters, digits and underscores, starting with a letter, at most 63 characters";

  private Messages() {}

  static String notARecord(String type) {
    return "Feature group "
        + type
        + " must be a record: declare it as 'record "
        + type
        + "(...)' with its keys, event time and features as components";
  }

  static String generic(String type) {
    return "Feature group " + type + " must not be generic: remove its type parameters";
  }

  static String privateRecord(String type) {
    return "Feature group "
        + type
        + " must not be private: make it public or package-private so the generated code can use"
        + " it";
  }

  static String noKey(String type) {
    return "Feature group "
        + type
        + " must have at least one @Key component: annotate the String, int or long component that"
        + " identifies an entity with @Key";
  }

  static String keyType(String component, String type) {
    return "Key "
        + component
        + " cannot be of type "
        + type
        + ": a key must be a String, int, long, Integer or Long; change its type";
  }

  static String keyAndEventTime(String component) {
    return "Component "
        + component
        + " cannot be both a @Key and the @EventTime: remove one of the two annotations";
  }

  static String noEventTime(String type) {
    return "Feature group "
        + type
        + " must have an @EventTime component: add an Instant component annotated with @EventTime";
  }

  static String severalEventTimes(String component, String first) {
    return "Event time "
        + component
        + " must not be a second @EventTime, after "
        + first
        + ": a feature group has exactly one event time; remove one of the two @EventTime"
        + " annotations";
  }

  static String eventTimeType(String component, String type) {
    return "Event time "
        + component
        + " must be an Instant, not "
        + type
        + ": change its type to java.time.Instant";
  }

  static String featureType(String component, String type) {
    return "Feature "
        + component
        + " cannot be of type "
        + type
        + ": a feature must be a "
        + ColumnType.SUPPORTED;
  }

  static String badGroupName(String name) {
    return "Group name '"
        + name
        + "' is invalid: use "
        + NAME_RULE
        + ", in @FeatureGroup(name = ...)";
  }

  static String reservedGroupName(String name) {
    return "Group name '"
        + name
        + "' must not start with '_', which is reserved for the store: start it with a letter";
  }

  static String badColumnName(String name, String component, String annotation) {
    return "Column name '"
        + name
        + "' of "
        + component
        + " is invalid: use "
        + NAME_RULE
        + ", in @"
        + annotation
        + "(name = ...)";
  }

  static String reservedColumnName(String name, String component, String annotation) {
    return "Column name '"
        + name
        + "' of "
        + component
        + " must not start with '_', which is reserved for the store: choose another name with @"
        + annotation
        + "(name = ...)";
  }

  static String rowidColumnName(String component, String annotation) {
    return "Column name 'rowid' of "
        + component
        + " is reserved: SQL engines such as DuckDB give every table a rowid column of their own;"
        + " choose another name with @"
        + annotation
        + "(name = ...)";
  }

  static String duplicateColumn(String name, String component, String first, String annotation) {
    return "Column name '"
        + name
        + "' of "
        + component
        + " is already the column name of "
        + first
        + ": give one of them another name with @"
        + annotation
        + "(name = ...)";
  }

  static String constantClash(String name, String component) {
    return "Column name '"
        + name
        + "' of "
        + component
        + " cannot be used: its constant would hide the generated DEFINITION; choose another name"
        + " with @Feature(name = ...)";
  }

  static String badTtl(String ttl) {
    return "TTL '"
        + ttl
        + "' is not an ISO-8601 duration: write it like \"P7D\" or \"PT12H\", or leave it empty for"
        + " values that never expire";
  }

  static String nonPositiveTtl(String ttl) {
    return "TTL '"
        + ttl
        + "' must be positive: give a longer duration, or leave it empty for values that never"
        + " expire";
  }

  static String badVersion(int version) {
    return "Version " + version + " must be at least 1: versions start at 1";
  }

  static String duplicateGroup(String name, int version, String other) {
    return "Feature group '"
        + name
        + "' version "
        + version
        + " is already declared by "
        + other
        + ": give this group another name, or raise its version";
  }

  static String featureOnKey(String component) {
    return "Key "
        + component
        + " must not carry @Feature, which is for features only: to rename its column, use"
        + " @Key(name = ...)";
  }

  static String featureOnEventTime(String component) {
    return "Event time "
        + component
        + " must not carry @Feature, which is for features only: to rename its column, use"
        + " @EventTime(name = ...)";
  }

  static String cannotWrite(String file, String why) {
    return "Cannot write " + file + ": " + why;
  }

  static String unexpected(String type, String stackTrace) {
    return "Cannot process feature group "
        + type
        + ": Soko's annotation processor failed unexpectedly; please report this with the stack"
        + " trace:\n"
        + stackTrace;
  }

  static String generated(String type, String name, int version) {
    return "Generated feature group '" + name + "' version " + version + " for " + type;
  }
}
