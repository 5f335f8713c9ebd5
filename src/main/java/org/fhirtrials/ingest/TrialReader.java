package org.fhirtrials.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.fhirtrials.model.Trial;

/**
 * Reads trial records from files, directories and zip archives into the domain model: {@code .json}
 * files are ClinicalTrials.gov API v2 (a study or a {@code {"studies":[...]}} page), {@code .txt}
 * files are seed trial pages. A record that cannot be parsed is reported as a {@link Rejection}
 * with its origin and NCT id and skipped; the rest still load.
 */
public final class TrialReader {
  /** The seed pages shipped on the classpath (copied from {@code shared/seeds}). */
  public static final List<String> SEED_IDS =
      List.of("NCT06310590", "NCT06178198", "NCT07334483", "NCT06779461", "NCT05233358");

  private final CtgovJsonReader json = new CtgovJsonReader();
  private final SeedPageParser seeds = new SeedPageParser();

  /** Reads every record under the given paths, in path order (directories sorted by name). */
  public IngestSummary read(Collection<Path> paths, Consumer<Trial> sink) {
    Counter counter = new Counter(sink);
    for (Path path : paths) {
      readPath(path, counter);
    }
    return counter.summary();
  }

  /** Reads the five seed trial pages from the classpath. */
  public IngestSummary readSeeds(Consumer<Trial> sink) {
    Counter counter = new Counter(sink);
    for (String id : SEED_IDS) {
      String resource = "seeds/" + id + ".txt";
      try (InputStream in = TrialReader.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          counter.reject(new Rejection("classpath:" + resource, id, "seed page missing"));
          continue;
        }
        readSeedText(
            new String(in.readAllBytes(), StandardCharsets.UTF_8),
            "classpath:" + resource,
            counter);
      } catch (IOException e) {
        counter.reject(new Rejection("classpath:" + resource, id, e.toString()));
      }
    }
    return counter.summary();
  }

  private void readPath(Path path, Counter counter) {
    String origin = path.toString();
    if (Files.isDirectory(path)) {
      List<Path> children;
      try (Stream<Path> s = Files.list(path)) {
        children = s.sorted().toList();
      } catch (IOException e) {
        counter.reject(new Rejection(origin, null, "cannot list directory: " + e.getMessage()));
        return;
      }
      for (Path child : children) {
        if (Files.isDirectory(child) || isSupported(child.getFileName().toString())) {
          readPath(child, counter);
        }
      }
      return;
    }
    if (!Files.isRegularFile(path)) {
      counter.reject(new Rejection(origin, null, "no such file or directory"));
      return;
    }
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    try {
      if (name.endsWith(".zip")) {
        readZip(path, counter);
      } else {
        try (InputStream in = Files.newInputStream(path)) {
          readStream(name, in, origin, counter);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      counter.reject(new Rejection(origin, null, "cannot read: " + e.getMessage()));
    }
  }

  private void readZip(Path zip, Counter counter) throws IOException {
    try (ZipInputStream zin = new ZipInputStream(Files.newInputStream(zip))) {
      ZipEntry entry;
      while ((entry = zin.getNextEntry()) != null) {
        String name = entry.getName();
        if (entry.isDirectory() || !isSupported(name)) {
          continue;
        }
        if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
          counter.reject(
              new Rejection(zip + "!" + name, null, "zip archives inside a zip are not read"));
          continue;
        }
        // Stream the entry (a page may be large); the reader must not close the zip stream.
        readStream(name.toLowerCase(Locale.ROOT), new NonClosing(zin), zip + "!" + name, counter);
      }
    }
  }

  private void readStream(String lowerName, InputStream in, String origin, Counter counter)
      throws IOException {
    if (lowerName.endsWith(".txt")) {
      readSeedText(new String(in.readAllBytes(), StandardCharsets.UTF_8), origin, counter);
    } else {
      json.read(in, origin, counter::accept, counter::reject);
    }
  }

  private void readSeedText(String text, String origin, Counter counter) {
    try {
      counter.accept(seeds.parse(text, origin));
    } catch (RecordException e) {
      counter.reject(new Rejection(origin, e.nctId(), e.getMessage()));
    } catch (RuntimeException e) {
      counter.reject(new Rejection(origin, null, "unreadable seed page: " + e));
    }
  }

  private static boolean isSupported(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".json") || n.endsWith(".zip") || n.endsWith(".txt");
  }

  /** Keeps a zip stream open when an entry's reader closes what it was given. */
  private static final class NonClosing extends FilterInputStream {
    NonClosing(InputStream in) {
      super(in);
    }

    @Override
    public void close() {
      // the ZipInputStream is closed by readZip
    }
  }

  /** Counts what passes through and collects rejections. */
  private static final class Counter {
    private final Consumer<Trial> sink;
    private final List<Rejection> rejections = new ArrayList<>();
    private int loaded;

    Counter(Consumer<Trial> sink) {
      this.sink = sink;
    }

    void accept(Trial trial) {
      sink.accept(trial);
      loaded++;
    }

    void reject(Rejection r) {
      rejections.add(r);
    }

    IngestSummary summary() {
      return new IngestSummary(loaded, rejections);
    }
  }
}
