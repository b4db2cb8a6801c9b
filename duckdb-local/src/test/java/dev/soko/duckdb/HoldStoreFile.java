package dev.soko.duckdb;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Holds a store file open from another process until its standard input closes, so that a test can
 * see what a second process meets.
 */
final class HoldStoreFile {

  private HoldStoreFile() {}

  public static void main(String[] args) throws Exception {
    try (DuckDbBackend backend = DuckDbBackend.open(Path.of(args[0]));
        BufferedReader in =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      System.out.println(backend.file().toFile().exists() ? "ready" : "missing");
      System.out.flush();
      while (in.readLine() != null) {
        // Wait for the test to close our input.
      }
    }
  }
}
