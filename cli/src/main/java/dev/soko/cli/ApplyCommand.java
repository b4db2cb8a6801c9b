package dev.soko.cli;

import dev.soko.GroupSpec;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Applies the feature group definitions found in jars or class directories. */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = {
      "Create or update the feature groups defined in jars or class directories.",
      "Definitions are the groups Soko's annotation processor listed in META-INF/services and"
          + " META-INF/soko/. A compatible change (a new nullable feature, or a new description,"
          + " owner, tags, TTL, online default or feature description) updates a group in place;"
          + " a breaking change (a removed, renamed or retyped feature, a new non-nullable one,"
          + " other keys or another event time) is refused: raise the version to apply it as a"
          + " new group."
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  soko apply build/libs/features.jar",
      "  soko apply target/classes --class-path lib/commons.jar:lib/other.jar"
    })
final class ApplyCommand extends SubCommand {

  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description = "Jars or class directories holding feature group definitions.")
  private List<Path> paths = new ArrayList<>();

  @Option(
      names = {"--class-path", "-cp"},
      paramLabel = "PATHS",
      description =
          "More jars or directories, separated by '${sys:path.separator}': definitions and the"
              + " classes they need.")
  private String classPath;

  @Override
  int run() throws Exception {
    List<Path> all = new ArrayList<>();
    for (Path path : paths) {
      all.add(resolve(path));
    }

    if (classPath != null) {
      for (String part : classPath.split(File.pathSeparator)) {
        if (!part.isBlank()) {
          all.add(classPathEntry(resolve(Path.of(part))));
        }
      }
    }

    if (all.isEmpty()) {
      throw new IllegalArgumentException(
          "Nothing to apply: pass the jar or class directory of your feature groups, such as"
              + " 'soko apply build/libs/features.jar'");
    }

    // The definitions are read before the store opens, so that a refusal creates no store.
    List<GroupSpec> specs;
    try (DefinitionLoader loader = new DefinitionLoader(all)) {
      specs = loader.specs();
    }

    if (specs.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot apply: no feature group definitions in "
              + all
              + "; compile your @FeatureGroup records with soko-processor on the annotation"
              + " processor path");
    }

    List<ApplyOutcome> outcomes;
    try (StoreSession store = openStore()) {
      outcomes = store.apply(specs);
    }

    Map<ApplyOutcome.Kind, Integer> counts = new EnumMap<>(ApplyOutcome.Kind.class);
    for (ApplyOutcome outcome : outcomes) {
      out().println(outcome.line());
      counts.merge(outcome.kind(), 1, Integer::sum);
    }

    int refused = counts.getOrDefault(ApplyOutcome.Kind.REFUSED, 0);
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    if (refused > 0) {
      out()
          .println(
              "Applied nothing: "
                  + refused
                  + " refused, "
                  + counts.getOrDefault(ApplyOutcome.Kind.SKIPPED, 0)
                  + " skipped, "
                  + counts.getOrDefault(ApplyOutcome.Kind.UNCHANGED, 0)
                  + " unchanged.");
    } else {
      out()
          .println(
              "Applied "
                  + total
                  + (total == 1 ? " group: " : " groups: ")
                  + counts.getOrDefault(ApplyOutcome.Kind.CREATED, 0)
                  + " created, "
                  + counts.getOrDefault(ApplyOutcome.Kind.CHANGED, 0)
                  + " changed, "
                  + counts.getOrDefault(ApplyOutcome.Kind.UNCHANGED, 0)
                  + " unchanged.");
    }

    return refused > 0 ? Soko.USER_ERROR : Soko.OK;
  }

  private static Path classPathEntry(Path entry) {
    if (!Files.exists(entry)) {
      throw badEntry(entry, "does not exist");
    }

    if (Files.isRegularFile(entry) && !entry.getFileName().toString().endsWith(".jar")) {
      throw badEntry(entry, "is not a jar or a directory");
    }

    return entry;
  }

  private static IllegalArgumentException badEntry(Path entry, String problem) {
    return new IllegalArgumentException(
        "Cannot apply: the --class-path entry "
            + entry
            + " "
            + problem
            + "; give existing jars or class directories, separated by '"
            + File.pathSeparator
            + "'");
  }
}
