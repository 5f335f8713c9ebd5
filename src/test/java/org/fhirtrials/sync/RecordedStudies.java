package org.fhirtrials.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.fhirtrials.synth.SyntheticRegistry;
import org.fhirtrials.testing.SharedData;

/** Studies for the stand-in: from the synthetic generator, or recorded in {@code shared/data}. */
final class RecordedStudies {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private RecordedStudies() {}

  private static final Map<String, List<JsonNode>> SYNTHETIC = new ConcurrentHashMap<>();

  /**
   * {@code count} deterministic synthetic studies, generated once per test run (the trees are
   * shared: callers must not modify them).
   */
  static List<JsonNode> synthetic(int count, long seed) {
    return SYNTHETIC.computeIfAbsent(
        count + "/" + seed,
        k -> {
          try {
            Path dir = Files.createTempDirectory("sync-synth");
            try {
              new SyntheticRegistry(seed, 1).generate(count, dir, 1000, written -> {});
              return read(dir);
            } finally {
              try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
              }
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /**
   * The ClinicalTrials.gov v2 records in {@code shared/data/ctgov-v2} (single studies and saved
   * pages); a study recorded twice is kept once, its last recorded version. Skips the test when the
   * data is absent.
   */
  static List<JsonNode> shared() {
    return read(SharedData.require("ctgov-v2"));
  }

  private static List<JsonNode> read(Path dir) {
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files =
          s.filter(p -> p.toString().endsWith(".json"))
              .sorted(Comparator.comparing(Path::toString))
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Path file : files) {
      JsonNode root;
      try {
        root = MAPPER.readTree(file.toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      List<JsonNode> studies = new ArrayList<>();
      if (root.has("studies")) {
        root.get("studies").forEach(studies::add);
      } else if (root.isArray()) {
        root.forEach(studies::add);
      } else {
        studies.add(root);
      }
      for (JsonNode study : studies) {
        byId.put(CtgovStandIn.nctId(study), study);
      }
    }
    return List.copyOf(byId.values());
  }
}
