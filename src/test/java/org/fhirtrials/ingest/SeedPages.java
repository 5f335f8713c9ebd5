package org.fhirtrials.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.fhirtrials.model.Trial;

/** Loads and parses the seed pages from the classpath. */
final class SeedPages {
  private SeedPages() {}

  static String text(String nctId) {
    String resource = "seeds/" + nctId + ".txt";
    try (InputStream in = SeedPages.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Trial parse(String nctId) {
    return new SeedPageParser().parse(text(nctId), "classpath:seeds/" + nctId + ".txt");
  }
}
