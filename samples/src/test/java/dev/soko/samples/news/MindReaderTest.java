package dev.soko.samples.news;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soko.SokoException;
import dev.soko.samples.news.Impression.Candidate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MindReaderTest {

  @Test
  void readsArticlesAndSkipsTheMalformedLine() {
    MindData data = Fixture.read();

    assertThat(data.articles()).hasSize(5).doesNotContainKey("N6");
    // Title 'The "Big" Game: what we learned' has 31 characters, quotes included; entities Q1 in
    // the title and Q2, Q1 in the abstract are 2 distinct ids.
    assertThat(data.articles().get("N1"))
        .isEqualTo(new Article("N1", "sports", "football_nfl", 31, 2));
    // An empty abstract_entities field counts as no entities: Q3 only.
    assertThat(data.articles().get("N3")).isEqualTo(new Article("N3", "sports", "soccer", 17, 1));
    assertThat(data.newsReport().summary())
        .isEqualTo("news.tsv: 5 rows, 1 malformed line skipped: line 3 (3 fields, expected 8)");
  }

  @Test
  void readsImpressionsInFileOrderAndReportsMalformedLines() {
    MindData data = Fixture.read();

    assertThat(data.impressions())
        .extracting(Impression::impressionId)
        .containsExactly(5L, 1L, 3L, 2L, 8L, 4L, 6L, 7L);
    assertThat(data.behaviorsReport().rows()).isEqualTo(8);
    assertThat(data.behaviorsReport().malformed()).isEqualTo(3);
    assertThat(data.behaviorsReport().firstMalformedLines()).containsExactly(3L, 7L, 10L);
    assertThat(data.behaviorsReport().summary())
        .isEqualTo(
            "behaviors.tsv: 8 rows, 3 malformed lines skipped:"
                + " line 3 (time '2019-11-11 09:00:00' is not M/D/YYYY h:mm:ss AM|PM);"
                + " line 7 (4 fields, expected 5);"
                + " line 10 (impression 'N1-2' is not <news id>-<0|1>)");
  }

  @Test
  void readsEmptyHistoryAndCandidates() {
    Impression second =
        Fixture.read().impressions().stream()
            .filter(i -> i.impressionId() == 2)
            .findFirst()
            .orElseThrow();

    assertThat(second.userId()).isEqualTo("U2");
    assertThat(second.time()).isEqualTo(Instant.parse("2019-11-11T09:02:00Z"));
    assertThat(second.history()).isEmpty();
    assertThat(second.candidates())
        .containsExactly(new Candidate("N1", false), new Candidate("N3", true));
    assertThat(second.line()).isEqualTo(5);
  }

  @Test
  void readsZonelessTimesInTheZoneGiven() {
    MindData data = new MindReader(ZoneId.of("America/Los_Angeles")).read(Fixture.folder());

    // 8:00:00 PM on 11/11/2019 in Los Angeles (PST, UTC-8) is 04:00 UTC the next day.
    assertThat(data.impressions().get(0).time()).isEqualTo(Instant.parse("2019-11-12T04:00:00Z"));
  }

  @Test
  void countsMoreMalformedLinesThanItNames(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("news.tsv"), "");
    Files.write(
        dir.resolve("behaviors.tsv"),
        List.of("a", "b", "", "c", "d", "e", "f", "1\tU1\t11/11/2019 9:00:00 AM\t\tN1-1"));

    MindData data = new MindReader(ZoneOffset.UTC).read(dir);

    assertThat(data.impressions()).hasSize(1);
    assertThat(data.behaviorsReport().malformed()).isEqualTo(6);
    assertThat(data.behaviorsReport().firstMalformedLines()).containsExactly(1L, 2L, 4L, 5L, 6L);
    assertThat(data.behaviorsReport().summary()).endsWith("line 6 (1 field, expected 5); ...");
  }

  @Test
  void rejectsAFolderWithoutTheFiles(@TempDir Path dir) {
    assertThatThrownBy(() -> new MindReader(ZoneOffset.UTC).read(dir))
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot read MIND data: "
                + dir.resolve("news.tsv")
                + " does not exist; pass --data a folder holding news.tsv and behaviors.tsv"
                + " (such as MIND's train or dev folder)");
  }
}
