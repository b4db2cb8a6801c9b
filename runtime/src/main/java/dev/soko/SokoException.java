package dev.soko;

/**
 * A failure of a Soko operation. The message says what could not be done and why, and, for a
 * mistake in the input, how to fix it; the cause, if any, is the failure of the underlying system.
 */
public class SokoException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message. */
  public SokoException(String message) {
    super(message);
  }

  /** Creates an exception with a message and the underlying failure. */
  public SokoException(String message, Throwable cause) {
    super(message, cause);
  }
}
