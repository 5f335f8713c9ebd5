package org.fhirtrials.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The public test data in {@code ../shared/data} (never copied into the repo). Tests that need it
 * call {@link #require(String)} and are skipped cleanly when it is absent.
 */
public final class SharedData {
  private SharedData() {}

  /** The shared directory: {@code $FHIRTRIALS_SHARED_DIR}, else {@code ../shared}. */
  public static Optional<Path> sharedDir() {
    String env = System.getenv("FHIRTRIALS_SHARED_DIR");
    Path dir = env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "shared");
    return Files.isDirectory(dir)
        ? Optional.of(dir.toAbsolutePath().normalize())
        : Optional.empty();
  }

  /**
   * A path below {@code shared/data}; skips the calling test when it is absent.
   *
   * @param relative e.g. {@code ctgov-v2}
   */
  public static Path require(String relative) {
    Optional<Path> dir = sharedDir().map(d -> d.resolve("data").resolve(relative));
    assumeTrue(
        dir.isPresent() && Files.exists(dir.get()), "shared/data/" + relative + " absent; skipped");
    return dir.get();
  }
}
