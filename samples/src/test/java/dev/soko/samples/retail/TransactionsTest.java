package dev.soko.samples.retail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soko.SokoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionsTest {

  @Test
  void everyFileOfTheLastDaysLoadsOnItsOwn() {
    // 2011-12-08 holds a description with an escaped quote ("RECORD FRAME 7"" SINGLE SIZE "),
    // which DuckDB's sniffer misreads when that file is read alone without the quote and escape
    // characters said.
    LocalDate history = LocalDate.parse("2011-11-30");
    try (Transactions transactions = Transactions.open(RetailData.folder())) {
      transactions.load(history);
      long added = 0;
      for (LocalDate day = history.plusDays(1);
          !day.isAfter(transactions.lastDay());
          day = day.plusDays(1)) {
        added += transactions.load(day);
      }

      assertThat(added)
          .isEqualTo(
              RawLines.between(RetailData.folder(), history.plusDays(1), transactions.lastDay())
                  .size())
          .isEqualTo(17_661);
    }
  }

  @Test
  void aFolderWithoutDailyFilesIsRefused(@TempDir Path folder) throws IOException {
    Files.writeString(folder.resolve("notes.txt"), "not a daily file");

    assertThatThrownBy(() -> Transactions.open(folder))
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot find retail data in "
                + folder
                + ": it has no file named YYYY-MM-DD.csv or YYYY-MM-DD.csv.gz; pass the folder"
                + " samples/data/online-retail/by-day");
  }
}
