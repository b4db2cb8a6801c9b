package dev.soko.cli;

import java.io.PrintWriter;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Set;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --timezone} option, the reading of times given on the command line, and the notes a
 * command prints about how it read its input. A time without a zone (a CSV timestamp, {@code --from
 * 2011-01-31}) is read in the given zone; without the option it is read as UTC, and the command
 * says so once.
 *
 * <p>Notes are kept, not printed, while the command runs: a command that is refused prints only its
 * error, and one that succeeds prints them with {@link #printNotes} just before its summary.
 */
final class TimezoneOption {

  /** The line a command prints when it reads times without a zone and no zone was given. */
  static final String UTC_NOTE =
      "Timestamps without a zone are read as UTC; pass --timezone to change.";

  @Option(
      names = "--timezone",
      paramLabel = "ZONE",
      converter = ZoneConverter.class,
      description =
          "The zone of timestamps written without one, such as Europe/London or +01:00."
              + " Default: UTC.")
  private ZoneId zone;

  private final Set<String> notes = new LinkedHashSet<>();

  /** Returns the zone for times without one: the one given, else UTC. */
  ZoneId zone() {
    return zone == null ? ZoneOffset.UTC : zone;
  }

  /** Keeps the UTC note, if no zone was given. */
  private void noteDefault() {
    if (zone == null) {
      notes.add(UTC_NOTE);
    }
  }

  /**
   * Prints the notes kept so far, each once and in the order they were made, and forgets them: for
   * a command that succeeded, just before its summary.
   */
  void printNotes(PrintWriter err) {
    notes.forEach(err::println);
    err.flush();
    notes.clear();
  }

  /** Returns this option as {@link StoreSession} reads input with it, keeping its notes. */
  StoreSession.InputReading use() {
    return new StoreSession.InputReading() {
      @Override
      public ZoneId zone() {
        return TimezoneOption.this.zone();
      }

      @Override
      public void noteZoneLess() {
        noteDefault();
      }

      @Override
      public void note(String line) {
        notes.add(line);
      }
    };
  }

  /**
   * Reads a time given to an option: an instant with a zone or offset ({@code
   * 2011-01-31T08:00:00Z}), a local time ({@code 2011-01-31T08:00} or {@code 2011-01-31 08:00}) or
   * a date ({@code 2011-01-31}, its start of day), the last two in {@link #zone()}, keeping the UTC
   * note when no zone was given.
   *
   * @throws IllegalArgumentException if the text is none of these
   */
  Instant parse(String text, String option) {
    String value = text.strip();
    try {
      return ZonedDateTime.parse(value).toInstant();
    } catch (DateTimeParseException withoutZone) {
      // Not an instant with a zone; try the zone-less forms below.
    }

    try {
      Instant instant;
      if (value.length() == 10) {
        instant = LocalDate.parse(value).atStartOfDay(zone()).toInstant();
      } else {
        instant = LocalDateTime.parse(value.replace(' ', 'T')).atZone(zone()).toInstant();
      }

      noteDefault();
      return instant;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "Cannot read "
              + option
              + " '"
              + text
              + "': write a date (2011-01-31), a local time (2011-01-31T08:00) or an instant"
              + " (2011-01-31T08:00:00Z)",
          e);
    }
  }

  /** Converts {@code --timezone} values, naming the accepted forms when one is wrong. */
  static final class ZoneConverter implements ITypeConverter<ZoneId> {

    @Override
    public ZoneId convert(String value) {
      try {
        return ZoneId.of(value);
      } catch (DateTimeException e) {
        throw new TypeConversionException(
            "unknown time zone '"
                + value
                + "': use a region such as Europe/London, or an offset such as +01:00 or UTC");
      }
    }
  }
}
