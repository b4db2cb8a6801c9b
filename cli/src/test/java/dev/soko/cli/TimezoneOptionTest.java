package dev.soko.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TimezoneOptionTest {

  private final StringWriter err = new StringWriter();

  private TimezoneOption option(String... args) {
    TimezoneOption option = new TimezoneOption();
    new CommandLine(option).parseArgs(args);
    return option;
  }

  private Instant parse(TimezoneOption option, String text) {
    return option.parse(text, "--from");
  }

  /** Returns what the option prints as a command that succeeded. */
  private String printed(TimezoneOption option) {
    option.printNotes(new PrintWriter(err, true));
    return err.toString();
  }

  @Test
  void readsAnInstantWithItsOwnZoneAndSaysNothing() {
    TimezoneOption option = option("--timezone", "Asia/Tokyo");

    assertThat(parse(option, "2011-01-31T08:00:00Z")).isEqualTo("2011-01-31T08:00:00Z");
    assertThat(parse(option, "2011-01-31T08:00+01:00")).isEqualTo("2011-01-31T07:00:00Z");
    assertThat(printed(option)).isEmpty();
  }

  @Test
  void readsZoneLessTimesInTheGivenZone() {
    TimezoneOption option = option("--timezone", "Europe/London");

    assertThat(parse(option, "2011-07-01")).isEqualTo("2011-06-30T23:00:00Z");
    assertThat(parse(option, "2011-07-01T08:30")).isEqualTo("2011-07-01T07:30:00Z");
    assertThat(parse(option, "2011-01-01 08:30:15")).isEqualTo("2011-01-01T08:30:15Z");
    assertThat(printed(option)).isEmpty();
  }

  @Test
  void readsZoneLessTimesAsUtcAndSaysSoOnce() {
    TimezoneOption option = option();

    assertThat(parse(option, "2011-07-01")).isEqualTo("2011-07-01T00:00:00Z");
    assertThat(parse(option, "2011-07-02T10:00")).isEqualTo("2011-07-02T10:00:00Z");
    assertThat(printed(option).lines())
        .containsExactly("Timestamps without a zone are read as UTC; pass --timezone to change.");
  }

  @Test
  void keepsTheNoteUntilTheCommandPrintsItAndPrintsItOnce() {
    TimezoneOption option = option();

    parse(option, "2011-07-01");
    option.use().noteZoneLess();
    option.use().note("orders.csv has no column note; it is stored as null in every row.");
    String beforePrinting = err.toString();

    assertThat(beforePrinting).isEmpty();
    assertThat(printed(option).lines())
        .containsExactly(
            "Timestamps without a zone are read as UTC; pass --timezone to change.",
            "orders.csv has no column note; it is stored as null in every row.");
  }

  @Test
  void refusesTextThatIsNoTime() {
    TimezoneOption option = option();

    assertThatThrownBy(() -> parse(option, "2011-13-01"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot read --from '2011-13-01': write a date (2011-01-31), a local time"
                + " (2011-01-31T08:00) or an instant (2011-01-31T08:00:00Z)");
  }

  @Test
  void refusesAnUnknownZone() {
    assertThatThrownBy(() -> option("--timezone", "Mars/Olympus"))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessage(
            "Invalid value for option '--timezone': unknown time zone 'Mars/Olympus': use a region"
                + " such as Europe/London, or an offset such as +01:00 or UTC");
  }
}
