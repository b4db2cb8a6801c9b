package dev.soko.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class SokoCommandTest {

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "init",
        "apply",
        "list",
        "describe",
        "ingest",
        "backfill",
        "online",
        "materialize",
        "get",
        "training-set",
        "sql"
      })
  void everyCommandHasHelpWithAnExample(String command) {
    Cli.Result result = new Cli(dir).run(command, "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.outLines().get(0)).startsWith("Usage: soko " + command);
    assertThat(result.outLines()).contains("Example:");
    assertThat(result.outLines()).anyMatch(line -> line.startsWith("  soko " + command));
    assertThat(result.err()).isEmpty();
  }

  @Test
  void onlineSubcommandsHaveHelpWithAnExample() {
    for (String sub : List.of("enable", "disable")) {
      Cli.Result result = new Cli(dir).run("online", sub, "--help");

      assertThat(result.exitCode()).isZero();
      assertThat(result.outLines().get(0)).startsWith("Usage: soko online " + sub);
      assertThat(result.outLines())
          .containsSubsequence("Example:", "  soko online " + sub + " customer_activity");
    }
  }

  // Regression: every command opened the local store, creating its file, before finding out that
  // the group it was asked about did not exist; a refused command left an empty store behind.
  @Test
  void everyCommandButInitAndApplyRefusesWhereThereIsNoStoreAndCreatesNone() throws Exception {
    Path empty = Files.createDirectory(dir.resolve("empty"));
    Fixtures.write(dir, "a.csv", Fixtures.ORDERS_CSV);
    Fixtures.write(dir, "spine.csv", "customer_id,event_time\n017850,2011-01-04 10:00:00\n");
    List<List<String>> commands =
        List.of(
            List.of("list"),
            List.of("describe", "x"),
            List.of("get", "x", "1"),
            List.of("ingest", "x", "../a.csv"),
            List.of(
                "backfill",
                "x",
                "--from",
                "2011-01-01T00:00:00Z",
                "--to",
                "2011-02-01T00:00:00Z",
                "../a.csv"),
            List.of("online", "enable", "x"),
            List.of("online", "disable", "x"),
            List.of("materialize", "x"),
            List.of(
                "training-set",
                "--spine",
                "../spine.csv",
                "--timestamp-column",
                "event_time",
                "--features",
                "x",
                "--out",
                "t.csv"));

    for (List<String> command : commands) {
      Cli.Result result = new Cli(empty).run(command.toArray(String[]::new));

      assertThat(result.exitCode()).as(String.join(" ", command)).isEqualTo(1);
      assertThat(result.errLines())
          .as(String.join(" ", command))
          .containsExactly(
              "Error: Cannot open the store: there is no store here ("
                  + empty.resolve(".soko/soko.duckdb")
                  + " does not exist); create it with 'soko init' or 'soko apply JAR', or run in"
                  + " the folder that holds it");
      assertThat(result.out()).isEmpty();
      assertThat(empty).isEmptyDirectory();
    }

    Cli.Result sql = new Cli(empty).run("sql", "SELECT 1");
    assertThat(sql.errLines())
        .containsExactly(
            "Error: Cannot run SQL: the local store "
                + empty.resolve(".soko/soko.duckdb")
                + " does not exist yet; create it with 'soko init' or 'soko apply JAR'");
    assertThat(empty).isEmptyDirectory();
  }

  // Regression: where a configuration named a store that did not exist, the refusal said to run
  // in the folder that holds the store, which changes nothing when a configuration names it.
  @Test
  void aMissingStoreThatAConfigurationNamesIsRefusedNamingTheConfiguration() throws Exception {
    Fixtures.write(dir, "other.yaml", "offline:\n  type: duckdb\n  path: data/store.duckdb\n");
    Fixtures.write(dir, "soko.yaml", "offline:\n  type: duckdb\n  path: local.duckdb\n");

    Cli.Result given = new Cli(dir).run("list", "--config", "other.yaml");
    Cli.Result found = new Cli(dir).run("describe", "customer_orders");

    assertThat(given.exitCode()).isEqualTo(1);
    assertThat(given.errLines())
        .containsExactly(
            "Error: Cannot open the store: "
                + dir.resolve("data/store.duckdb")
                + ", named by "
                + dir.resolve("other.yaml")
                + ", does not exist; create it with 'soko apply JAR' and the same configuration,"
                + " or fix 'path' under 'offline' in "
                + dir.resolve("other.yaml"));
    assertThat(found.errLines())
        .containsExactly(
            "Error: Cannot open the store: "
                + dir.resolve("local.duckdb")
                + ", named by "
                + dir.resolve("soko.yaml")
                + ", does not exist; create it with 'soko apply JAR' and the same configuration,"
                + " or fix 'path' under 'offline' in "
                + dir.resolve("soko.yaml"));
    assertThat(dir.resolve("data")).doesNotExist();
    assertThat(dir.resolve("local.duckdb")).doesNotExist();
  }

  @Test
  void noCommandPrintsTheUsage() {
    Cli.Result result = new Cli(dir).run();

    assertThat(result.exitCode()).isZero();
    assertThat(result.outLines().get(0)).startsWith("Usage: soko ");
    assertThat(result.out()).contains("training-set");
  }

  @Test
  void unknownCommandIsOneLine() {
    Cli.Result result = new Cli(dir).run("ingets");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Unmatched argument at index 0: 'ingets'. Run 'soko --help' for usage.");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void unknownOptionIsOneLine() {
    Cli.Result result = new Cli(dir).run("list", "--colour");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly("Error: Unknown option: '--colour'. Run 'soko list --help' for usage.");
  }

  @Test
  void missingRequiredOptionIsOneLine() {
    Cli.Result result =
        new Cli(dir)
            .run("training-set", "--spine", "s.csv", "--features", "g", "--out", "t.parquet");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Missing required option: '--timestamp-column=COLUMN'. Run 'soko training-set"
                + " --help' for usage.");
  }

  @Test
  void onlineWithoutSubcommandIsOneLine() {
    Cli.Result result = new Cli(dir).run("online");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Missing subcommand: use 'soko online enable GROUP' or 'disable GROUP'. Run"
                + " 'soko online --help' for usage.");
  }

  @Test
  void missingConfigFileIsOneLine() {
    Cli.Result result = new Cli(dir).run("list", "--config", "nowhere.yaml");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Configuration file "
                + dir.resolve("nowhere.yaml")
                + " does not exist: pass an existing file to --config, or run 'soko init'");
  }

  // Regression: an unknown backend type in the file given to --config said to fix soko.yaml.
  @Test
  void unknownBackendTypeNamesTheConfigurationFileRead() throws Exception {
    Fixtures.write(dir, "ice.yaml", "offline:\n  type: glue\n");

    Cli.Result result = new Cli(dir).run("list", "--config", "ice.yaml");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "Error: Cannot open the offline store: no backend of type 'glue' is on the class path;"
                + " known types: duckdb. Fix 'type' under 'offline' in "
                + dir.resolve("ice.yaml")
                + ", or add the backend's jar (such as soko-duckdb)");
  }

  @Test
  void verboseAddsTheStackTrace() {
    Cli.Result result = new Cli(dir).run("list", "--config", "nowhere.yaml", "--verbose");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines().get(0)).startsWith("Error: Configuration file ");
    assertThat(result.errLines().get(1))
        .startsWith("java.lang.IllegalArgumentException: Configuration file ");
    assertThat(result.errLines()).anyMatch(line -> line.contains("at dev.soko.cli.SokoCommand"));
  }

  @Test
  void versionNamesTheCommand() {
    Cli.Result result = new Cli(dir).run("--version");

    assertThat(result.exitCode()).isZero();
    assertThat(result.outLines()).containsExactly("soko (development build)");
  }

  @Test
  void printsEveryHelpExampleOnLinesOfItsOwn() {
    List<String> wrapped = new ArrayList<>();
    List<CommandLine> commands = new ArrayList<>(List.of(Soko.commandLine(dir)));
    for (int i = 0; i < commands.size(); i++) {
      CommandLine command = commands.get(i);
      commands.addAll(command.getSubcommands().values());
      String help = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
      for (String example : command.getCommandSpec().usageMessage().footer()) {
        if (!help.lines().toList().contains(example) || example.length() > 79) {
          wrapped.add(command.getCommandSpec().qualifiedName() + ": " + example);
        }
      }
    }

    assertThat(commands).hasSize(15);
    assertThat(wrapped).isEmpty();
  }
}
