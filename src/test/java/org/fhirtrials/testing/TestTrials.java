package org.fhirtrials.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fhirtrials.ingest.TrialReader;
import org.fhirtrials.model.Trial;
import org.fhirtrials.synth.SyntheticRegistry;

/** Trials for tests that need real mapped content: the seed trials and a synthetic sample. */
public final class TestTrials {
  private TestTrials() {}

  /**
   * The seed trials, then {@code count} synthetic ones generated with {@code seed} into {@code dir}
   * (a temporary directory of the test) and read back as the importer reads them.
   */
  public static List<Trial> seedsAndSynthetic(long seed, int count, Path dir) {
    List<Trial> trials = new ArrayList<>();
    TrialReader reader = new TrialReader();
    try {
      reader.readSeeds(trials::add);
      new SyntheticRegistry(seed, 1).generate(count, dir, 60, n -> {});
      reader.read(List.of(dir), trials::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return trials;
  }
}
