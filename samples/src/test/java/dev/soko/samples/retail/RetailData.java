package dev.soko.samples.retail;

import java.nio.file.Path;

/** Where the tests find the shop's daily files: the sample's own copy in the repository. */
final class RetailData {

  private RetailData() {}

  /** Returns the folder of daily files, from {@code retail.data} or the module's data folder. */
  static Path folder() {
    return Path.of(System.getProperty("retail.data", "data/online-retail/by-day"));
  }
}
