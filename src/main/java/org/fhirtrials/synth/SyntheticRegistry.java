package org.fhirtrials.synth;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * Writes a deterministic synthetic ClinicalTrials.gov API v2 data set as page files {@code
 * studies-00001.json}, ... each {@code {"studies":[...]}} with up to {@code pageSize} studies.
 * Studies are streamed one at a time, so memory use does not grow with the count; the same (count,
 * seed, page size) always gives byte-identical files.
 */
public final class SyntheticRegistry {
  /** Page files are numbered with five digits, so a data set has at most this many. */
  public static final int MAX_PAGES = 99_999;

  public static final int DEFAULT_PAGE_SIZE = 1000;
  private static final int BUFFER_BYTES = 1 << 16;

  /**
   * What a run wrote.
   *
   * @param files page files written
   * @param studies studies written
   */
  public record Summary(int files, long studies) {}

  private final long seed;
  private final JsonFactory json = new JsonFactory();

  public SyntheticRegistry(long seed) {
    this.seed = seed;
  }

  /** The page file name of 1-based page {@code page}. */
  public static String pageFileName(int page) {
    return String.format(Locale.ROOT, "studies-%05d.json", page);
  }

  /**
   * Writes {@code count} studies into {@code dir} (created if missing).
   *
   * @param progress told the number of studies written after each page
   * @throws IllegalArgumentException if the count or page size is out of range
   */
  public Summary generate(long count, Path dir, int pageSize, LongConsumer progress)
      throws IOException {
    if (count < 0 || count > StudyWriter.MAX_STUDIES) {
      throw new IllegalArgumentException(
          "count must be between 0 and " + StudyWriter.MAX_STUDIES + ", was " + count);
    }
    if (pageSize < 1) {
      throw new IllegalArgumentException("page size must be at least 1, was " + pageSize);
    }
    long pages = (count + pageSize - 1) / pageSize;
    if (pages > MAX_PAGES) {
      throw new IllegalArgumentException(
          pages + " pages needed, at most " + MAX_PAGES + ": use a larger page size");
    }
    Files.createDirectories(dir);
    StudyWriter writer = new StudyWriter(seed);
    long written = 0;
    for (int page = 1; page <= pages; page++) {
      long end = Math.min(count, written + pageSize);
      writePage(dir.resolve(pageFileName(page)), writer, written, end);
      written = end;
      progress.accept(written);
    }
    return new Summary((int) pages, written);
  }

  private void writePage(Path file, StudyWriter writer, long from, long to) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), BUFFER_BYTES);
        JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeArrayFieldStart("studies");
      for (long i = from; i < to; i++) {
        writer.write(g, i);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }
}
