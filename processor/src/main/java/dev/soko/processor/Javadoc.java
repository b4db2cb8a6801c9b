package dev.soko.processor;

/** Puts user text into generated javadoc safely. */
final class Javadoc {

  private Javadoc() {}

  /**
   * Wraps a paragraph of javadoc to fit 100 columns at the given depth of indentation (0 for a
   * top-level type, 1 for its members).
   */
  static String wrap(String paragraph, int depth) {
    int width = 100 - 2 * depth - " * ".length();
    StringBuilder out = new StringBuilder();
    int lineLength = 0;
    for (String word : paragraph.split(" ")) {
      if (lineLength > 0 && lineLength + 1 + word.length() > width) {
        out.append('\n');
        lineLength = 0;
      } else if (lineLength > 0) {
        out.append(' ');
        lineLength++;
      }

      out.append(word);
      lineLength += word.length();
    }

    return out.toString();
  }

  /** Returns the text with HTML's special characters escaped and no end of comment. */
  static String text(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("*/", "*&#47;")
        .replace("@", "&#64;");
  }
}
