package dev.soko.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {

  @TempDir Path dir;

  @Test
  void writesACommentedConfigurationForTheLocalStore() throws Exception {
    Cli.Result result = new Cli(dir).run("init");

    assertThat(result.exitCode()).isZero();
    assertThat(result.outLines())
        .containsExactly(
            "Wrote " + dir.resolve("soko.yaml") + " for a local store under .soko/.",
            "Created the store " + dir.resolve(".soko/soko.duckdb") + ".",
            "Next: soko apply <jar of your feature groups>");
    String written = Files.readString(dir.resolve("soko.yaml"));
    assertThat(written).isEqualTo(InitCommand.template());
    assertThat(written.lines().filter(line -> line.startsWith("#")).count()).isGreaterThan(2);
  }

  @Test
  void refusesToOverwriteWithoutForce() throws Exception {
    Files.writeString(dir.resolve("soko.yaml"), "mine: true\n");

    Cli.Result result = new Cli(dir).run("init");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Cannot write "
                + dir.resolve("soko.yaml")
                + ": the file exists; pass --force to overwrite it, or --config to write another");
    assertThat(Files.readString(dir.resolve("soko.yaml"))).isEqualTo("mine: true\n");
  }

  @Test
  void forceOverwrites() throws Exception {
    Files.writeString(dir.resolve("soko.yaml"), "mine: true\n");

    Cli.Result result = new Cli(dir).run("init", "--force");

    assertThat(result.exitCode()).isZero();
    assertThat(Files.readString(dir.resolve("soko.yaml"))).isEqualTo(InitCommand.template());
  }

  @Test
  void writesWhereConfigPoints() throws Exception {
    Cli.Result result = new Cli(dir).run("init", "--config", "conf/store.yaml");

    assertThat(result.exitCode()).isZero();
    assertThat(result.outLines().get(0))
        .isEqualTo("Wrote " + dir.resolve("conf/store.yaml") + " for a local store under .soko/.");
    assertThat(dir.resolve("conf/store.yaml")).exists();
    assertThat(dir.resolve("conf/.soko/soko.duckdb")).isRegularFile();
    assertThat(dir.resolve("soko.yaml")).doesNotExist();
  }

  // Regression: init wrote soko.yaml only, so read-only commands said "no store here" until the
  // first apply.
  @Test
  void leavesAnEmptyStoreThatReadOnlyCommandsRead() {
    Cli cli = new Cli(dir);
    assertThat(cli.run("init").exitCode()).isZero();

    Cli.Result list = cli.run("list");
    Cli.Result sql = cli.run("sql", "SELECT count(*) AS groups FROM registry.groups");
    Cli.Result describe = cli.run("describe", "nope");

    assertThat(list.exitCode()).isZero();
    assertThat(list.outLines())
        .containsExactly("No feature groups yet: run 'soko apply JAR' to create them.");
    assertThat(sql.exitCode()).as(sql.err()).isZero();
    assertThat(sql.outLines()).containsExactly("groups", "------", "     0", "(1 row)");
    assertThat(describe.exitCode()).isEqualTo(1);
    assertThat(describe.errLines())
        .containsExactly(
            "Error: Cannot describe group 'nope': no group of that name was applied; run 'soko"
                + " list' to see the groups, or 'soko apply JAR' to create it");
  }

  @Test
  void keepsTheDataOfAnExistingStore() throws Exception {
    Cli cli = Fixtures.ingested(dir);

    Cli.Result result = cli.run("init");

    assertThat(result.exitCode()).isZero();
    // Regression: init said "Created the store" of a store it had kept.
    assertThat(result.outLines())
        .containsExactly(
            "Wrote " + dir.resolve("soko.yaml") + " for a local store under .soko/.",
            "Kept the existing store " + dir.resolve(".soko/soko.duckdb") + " as it is.",
            "Next: soko apply <jar of your feature groups>");
    assertThat(cli.run("describe", "item_stats").outLines())
        .contains("Rows stored: 2 (a key and event time written twice counts twice)");
  }
}
