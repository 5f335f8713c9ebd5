package org.fhirtrials.cds;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Feedback as JSON lines in {@code <dir>/feedback.jsonl}: one entry per line, appended and forced
 * to disk before the call returns. A truncated last line (crash mid-write) is skipped on reading.
 */
public final class FileFeedbackStore implements FeedbackStore {
  static final String FILE = "feedback.jsonl";

  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private final Path file;

  private final Path dir;

  /** The directory is created on the first feedback, not at startup. */
  public FileFeedbackStore(Path dir) {
    this.dir = dir;
    this.file = dir.resolve(FILE);
  }

  @Override
  public synchronized void append(List<FeedbackEntry> entries) {
    StringBuilder lines = new StringBuilder();
    try {
      Files.createDirectories(dir);
      for (FeedbackEntry e : entries) {
        lines.append(json.writeValueAsString(e)).append('\n');
      }
      try (FileChannel ch =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
        if (ch.size() > 0 && !endsWithNewline(ch)) {
          lines.insert(0, '\n'); // a line cut short by a crash stays on its own line
        }
        java.nio.ByteBuffer bytes =
            java.nio.ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
        long at = ch.size(); // one writer: this method is synchronized on the only store
        while (bytes.hasRemaining()) {
          at += ch.write(bytes, at);
        }
        ch.force(true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write feedback to " + file, e);
    }
  }

  private static boolean endsWithNewline(FileChannel ch) throws IOException {
    java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
    ch.read(last, ch.size() - 1);
    return last.get(0) == '\n';
  }

  @Override
  public synchronized List<FeedbackEntry> all() {
    if (!Files.exists(file)) {
      return List.of();
    }
    List<FeedbackEntry> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        try {
          out.add(json.readValue(line, FeedbackEntry.class));
        } catch (IOException partial) {
          // a line cut short by a crash: not a stored entry
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read feedback from " + file, e);
    }
    return out;
  }
}
