package dev.soko.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplyCommandTest {

  @TempDir Path dir;

  @Test
  void createsTheGroupsOfAJarThenFindsThemUnchanged() throws Exception {
    String jar = DefinitionJar.shared().toString();
    Cli cli = new Cli(dir);

    Cli.Result first = cli.run("apply", jar);
    Cli.Result second = cli.run("apply", jar);

    assertThat(first.err()).isEmpty();
    assertThat(first.exitCode()).isZero();
    assertThat(first.outLines())
        .containsExactly(
            "created   customer_orders v1",
            "created   item_stats v1",
            "Applied 2 groups: 2 created, 0 changed, 0 unchanged.");
    assertThat(second.outLines())
        .containsExactly(
            "unchanged customer_orders v1",
            "unchanged item_stats v1",
            "Applied 2 groups: 0 created, 0 changed, 2 unchanged.");
    assertThat(dir.resolve(".soko/soko.duckdb")).exists();
  }

  @Test
  void changesCompatiblyAndRefusesABreakingChange() throws Exception {
    Cli cli = Fixtures.applied(dir);
    Path changed =
        DefinitionJar.compile(
            dir,
            "changed",
            Map.of(
                "CustomerOrders",
                DefinitionJar.CUSTOMER_ORDERS.replace(
                    "String country) {}", "String country, Double spend90d) {}")));
    Path broken =
        DefinitionJar.compile(
            dir,
            "broken",
            Map.of(
                "CustomerOrders",
                DefinitionJar.CUSTOMER_ORDERS.replace("long orders30d", "int orders30d"),
                "ItemStats",
                DefinitionJar.ITEM_STATS.replace("Sales of an item.", "Units sold.")));

    Cli.Result change = cli.run("apply", changed.toString());
    Cli.Result refuse = cli.run("apply", broken.toString());

    assertThat(change.exitCode()).isZero();
    assertThat(change.outLines()).hasSize(2);
    assertThat(change.outLines().get(0))
        .startsWith("changed   customer_orders v1: ")
        .contains("spend_90d");
    assertThat(change.outLines().get(1))
        .isEqualTo("Applied 1 group: 0 created, 1 changed, 0 unchanged.");
    assertThat(refuse.exitCode()).isEqualTo(1);
    assertThat(refuse.outLines()).hasSize(3);
    assertThat(refuse.outLines().get(0))
        .startsWith("refused   customer_orders v1: ")
        .contains("orders_30d");
    assertThat(refuse.outLines().subList(1, 3))
        .containsExactly(
            "skipped   item_stats v1: would be changed, but nothing is applied while a group is"
                + " refused",
            "Applied nothing: 1 refused, 1 skipped, 0 unchanged.");
    assertThat(cli.run("describe", "item_stats").outLines())
        .contains("Description: Sales of an item.");
  }

  // Regression: apply --help left the owner out of the compatible changes, which the README and
  // the store count in.
  @Test
  void changesTheOwnerInPlaceAsItsHelpSays() throws Exception {
    Cli cli = Fixtures.applied(dir);
    Path owned =
        DefinitionJar.compile(
            dir,
            "owned",
            Map.of(
                "CustomerOrders",
                DefinitionJar.CUSTOMER_ORDERS.replace(
                    "owner = \"growth\"", "owner = \"retention\"")));

    Cli.Result change = cli.run("apply", owned.toString());
    String help = String.join(" ", cli.run("apply", "--help").outLines()).replaceAll("\\s+", " ");

    assertThat(change.outLines())
        .containsExactly(
            "changed   customer_orders v1: new owner",
            "Applied 1 group: 0 created, 1 changed, 0 unchanged.");
    assertThat(cli.run("describe", "customer_orders").outLines())
        .contains("Owner:       retention");
    assertThat(help)
        .contains(
            "A compatible change (a new nullable feature, or a new description, owner, tags, TTL,"
                + " online default or feature description) updates a group in place;");
  }

  @Test
  void appliesAGroupKnownOnlyByItsDescription() throws Exception {
    Path jar = dir.resolve("descriptions.jar");
    try (JarFile source = new JarFile(DefinitionJar.shared().toFile());
        JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      JarEntry entry = source.getJarEntry("META-INF/soko/item_stats.v1.json");
      assertThat(entry).isNotNull();
      out.putNextEntry(new JarEntry(entry.getName()));
      source.getInputStream(entry).transferTo((OutputStream) out);
      out.closeEntry();
    }

    Cli.Result result = new Cli(dir).run("apply", jar.toString());

    assertThat(result.outLines())
        .containsExactly(
            "created   item_stats v1", "Applied 1 group: 1 created, 0 changed, 0 unchanged.");
  }

  @Test
  void appliesTheDescriptionsWhenAListedClassCannotLoad() throws Exception {
    Path jar = dir.resolve("partial.jar");
    try (JarFile source = new JarFile(DefinitionJar.shared().toFile());
        JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("META-INF/services/dev.soko.GroupDefinition"));
      out.write("com.example.features.Missing\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      out.closeEntry();
      JarEntry entry = source.getJarEntry("META-INF/soko/customer_orders.v1.json");
      out.putNextEntry(new JarEntry(entry.getName()));
      source.getInputStream(entry).transferTo((OutputStream) out);
      out.closeEntry();
    }

    Cli.Result result = new Cli(dir).run("apply", jar.toString());

    assertThat(result.err()).isEmpty();
    assertThat(result.outLines())
        .containsExactly(
            "created   customer_orders v1", "Applied 1 group: 1 created, 0 changed, 0 unchanged.");
  }

  @Test
  void refusesAListedClassThatCannotLoadWithoutDescriptions() throws Exception {
    Path jar = dir.resolve("broken.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("META-INF/services/dev.soko.GroupDefinition"));
      out.write("com.example.features.Missing\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      out.closeEntry();
    }

    Cli.Result result = new Cli(dir).run("apply", jar.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines()).hasSize(1);
    assertThat(result.errLines().get(0))
        .startsWith("Error: Cannot load the feature groups listed in [" + jar + "]: ")
        .contains("com.example.features.Missing")
        .endsWith("; put the jars they depend on in --class-path");
    assertThat(dir.resolve(".soko")).doesNotExist();
  }

  @Test
  void refusesAJarWithoutDefinitions() throws Exception {
    Path jar = dir.resolve("empty.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("README.txt"));
      out.closeEntry();
    }

    Cli.Result result = new Cli(dir).run("apply", "empty.jar");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Cannot apply: no feature group definitions in ["
                + jar
                + "]; compile your @FeatureGroup records with soko-processor on the annotation"
                + " processor path");
    assertThat(dir.resolve(".soko")).doesNotExist();
  }

  @Test
  void refusesAMissingPath() {
    Cli.Result result = new Cli(dir).run("apply", "build/libs/features.jar");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Cannot load definitions from "
                + dir.resolve("build/libs/features.jar")
                + ": no such file or directory; pass the jar or class directory of your feature"
                + " groups");
  }

  // Regression: a missing --class-path entry was refused as if it were the definitions' own jar.
  @Test
  void refusesAClassPathEntryThatDoesNotExistOrIsNoJar() throws Exception {
    String jar = DefinitionJar.shared().toString();
    Fixtures.write(dir, "notes.txt", "not a jar");

    Cli.Result missing = new Cli(dir).run("apply", jar, "--class-path", "lib/missing.jar");
    Cli.Result text = new Cli(dir).run("apply", jar, "-cp", "notes.txt");

    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.errLines())
        .containsExactly(
            "Error: Cannot apply: the --class-path entry "
                + dir.resolve("lib/missing.jar")
                + " does not exist; give existing jars or class directories, separated by '"
                + java.io.File.pathSeparator
                + "'");
    assertThat(text.errLines())
        .containsExactly(
            "Error: Cannot apply: the --class-path entry "
                + dir.resolve("notes.txt")
                + " is not a jar or a directory; give existing jars or class directories,"
                + " separated by '"
                + java.io.File.pathSeparator
                + "'");
    assertThat(dir.resolve(".soko")).doesNotExist();
  }

  @Test
  void refusesNothingToApply() {
    Cli.Result result = new Cli(dir).run("apply");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Nothing to apply: pass the jar or class directory of your feature groups, such"
                + " as 'soko apply build/libs/features.jar'");
  }
}
