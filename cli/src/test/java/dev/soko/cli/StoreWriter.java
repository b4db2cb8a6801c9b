package dev.soko.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Opens a store file for writing, as a running pipeline does, and keeps it open until its standard
 * input closes: a process apart from the test's, since DuckDB locks a file per process.
 */
final class StoreWriter {

  private StoreWriter() {}

  public static void main(String[] args) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + args[0]);
        BufferedReader in =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      System.out.println("open");
      System.out.flush();
      while (in.readLine() != null) {
        // Wait for the test to close this input.
      }
    }
  }
}
