package org.fhirtrials.cds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileFeedbackStoreTest {
  @TempDir Path dir;

  private static FeedbackEntry entry(String card) {
    return new FeedbackEntry(
        card,
        "NCT06178198",
        "overridden",
        null,
        null,
        Instant.parse("2026-11-01T12:00:00Z"),
        Instant.parse("2026-11-01T12:00:01Z"));
  }

  @Test
  void survivesARestart() {
    new FileFeedbackStore(dir).append(List.of(entry("a"), entry("b")));
    assertThat(new FileFeedbackStore(dir).all())
        .extracting(FeedbackEntry::card)
        .containsExactly("a", "b");
  }

  @Test
  void skipsALineCutShortByACrash() throws Exception {
    FileFeedbackStore store = new FileFeedbackStore(dir);
    store.append(List.of(entry("a")));
    Files.writeString(
        dir.resolve(FileFeedbackStore.FILE), "{\"card\":\"b\",\"out", StandardOpenOption.APPEND);
    assertThat(store.all()).extracting(FeedbackEntry::card).containsExactly("a");
    store.append(List.of(entry("c")));
    assertThat(store.all()).extracting(FeedbackEntry::card).containsExactly("a", "c");
  }
}
