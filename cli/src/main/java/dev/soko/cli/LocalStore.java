package dev.soko.cli;

/** Where the local store lives when no configuration names another. */
final class LocalStore {

  /** The local store's directory, relative to the working directory. */
  static final String DIRECTORY = ".soko";

  private LocalStore() {}
}
