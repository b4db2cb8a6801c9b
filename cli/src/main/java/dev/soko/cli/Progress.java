package dev.soko.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on the terminal for long work, or nothing when the output is not a terminal (a
 * pipe, a file, a test), where the command's one-line summary is all that shows.
 */
final class Progress implements AutoCloseable {

  private static final Progress NONE = new Progress(null);

  private final ProgressBar bar;

  private Progress(ProgressBar bar) {
    this.bar = bar;
  }

  /**
   * Starts a progress display.
   *
   * @param task what is being done, such as {@code ingest customer_activity}
   * @param total the amount of work, or -1 when unknown
   * @param terminal whether stderr is a terminal
   */
  static Progress start(String task, long total, boolean terminal) {
    if (!terminal) {
      return NONE;
    }

    ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(total)
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(200)
            .showSpeed()
            .clearDisplayOnFinish()
            .build();
    return new Progress(bar);
  }

  /** Records that {@code amount} more units of work are done. */
  void advance(long amount) {
    if (bar != null) {
      bar.stepBy(amount);
    }
  }

  /** Records that the work is complete. */
  void done() {
    if (bar != null && bar.getMax() > 0) {
      bar.stepTo(bar.getMax());
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
