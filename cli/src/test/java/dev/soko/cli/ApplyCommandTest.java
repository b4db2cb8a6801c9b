package dev.soko.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplyCommandTest {

  @TempDir Path dir;

  @Test
  void createsTheGroupsOfAJar() throws Exception {
    Path jar = DefinitionJar.both(dir);

    Cli.Result result = new Cli(dir).run("apply", jar.toString());

    assertThat(result.err()).isEmpty();
    assertThat(result.exitCode()).isZero();
    assertThat(result.outLines())
        .containsExactly(
            "created   customer_orders v1",
            "created   item_stats v1",
            "Applied 2 groups: 2 created, 0 changed, 0 unchanged.");
  }
}
