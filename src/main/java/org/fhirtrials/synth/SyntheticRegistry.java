package org.fhirtrials.synth;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

/**
 * Writes a deterministic synthetic ClinicalTrials.gov API v2 data set as page files {@code
 * studies-00001.json}, ... each {@code {"studies":[...]}} with up to {@code pageSize} studies.
 * Studies are streamed one at a time (one per writing thread), so memory use does not grow with the
 * count; the same (count, seed, page size) always gives byte-identical files, whatever the number
 * of threads.
 */
public final class SyntheticRegistry {
  /** Page files are numbered with five digits, so a data set has at most this many. */
  public static final int MAX_PAGES = 99_999;

  public static final int DEFAULT_PAGE_SIZE = 1000;
  private static final int BUFFER_BYTES = 1 << 16;
  private static final int MAX_DEFAULT_THREADS = 4;

  /**
   * What a run wrote.
   *
   * @param files page files written
   * @param studies studies written
   */
  public record Summary(int files, long studies) {}

  private final long seed;
  private final int threads;
  private final JsonFactory json = new JsonFactory();

  /** A generator using up to {@link #defaultThreads()} threads. */
  public SyntheticRegistry(long seed) {
    this(seed, defaultThreads());
  }

  /**
   * @param threads pages written in parallel (the output does not depend on it)
   */
  public SyntheticRegistry(long seed, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    this.seed = seed;
    this.threads = threads;
  }

  /** The available processors, at most {@value #MAX_DEFAULT_THREADS}. */
  public static int defaultThreads() {
    return Math.min(MAX_DEFAULT_THREADS, Runtime.getRuntime().availableProcessors());
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
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      // Pages are independent, so they are written in parallel; progress is told in page order.
      List<Future<Long>> done = new ArrayList<>();
      for (int page = 1; page <= pages; page++) {
        long from = (long) (page - 1) * pageSize;
        long to = Math.min(count, from + pageSize);
        Path file = dir.resolve(pageFileName(page));
        done.add(
            pool.submit(
                () -> {
                  writePage(file, writer, from, to);
                  return to;
                }));
      }
      for (Future<Long> f : done) {
        progress.accept(await(f));
      }
    } finally {
      pool.shutdownNow();
    }
    return new Summary((int) pages, count);
  }

  private static long await(Future<Long> page) throws IOException {
    try {
      return page.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while writing pages");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException("page generation failed", e.getCause());
    }
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
