package org.fhirtrials.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Test helper: generates a data set and reads it back as Jackson trees. */
final class Generated {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Generated() {}

  static Path write(long count, long seed, int pageSize, Path dir) {
    try {
      new SyntheticRegistry(seed).generate(count, dir, pageSize, written -> {});
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The page files of {@code dir}, sorted by name. */
  static List<Path> pages(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every study of every page, in order. */
  static List<JsonNode> studies(Path dir) {
    List<JsonNode> studies = new ArrayList<>();
    for (Path page : pages(dir)) {
      try {
        MAPPER.readTree(page.toFile()).get("studies").forEach(studies::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return studies;
  }
}
