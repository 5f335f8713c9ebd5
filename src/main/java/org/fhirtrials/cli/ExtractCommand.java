package org.fhirtrials.cli;

import ca.uhn.fhir.context.FhirContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.fhirtrials.eligibility.CriteriaSplitter;
import org.fhirtrials.ingest.CtgovJsonReader;
import org.fhirtrials.ingest.RecordException;
import org.fhirtrials.ingest.Rejection;
import org.fhirtrials.ingest.SeedPageParser;
import org.fhirtrials.mapping.r4.R4TrialMapper;
import org.fhirtrials.mapping.r5.R5TrialMapper;
import org.fhirtrials.model.Eligibility;
import org.fhirtrials.model.Trial;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * {@code extract [--fhir-version r4|r5] <file|->}: prints the eligibility Group of one trial as
 * pretty JSON, made by the same mapping code as the server and {@code fhir-resources/}.
 *
 * <p>The input is recognised by its content: text starting with {@code {} is a ClinicalTrials.gov
 * API v2 study (or a page with one study); text naming an NCT id is a seed trial page; anything
 * else is plain criteria text ("Inclusion Criteria: ..."), mapped as a trial with id {@value
 * #PLAIN_TEXT_ID} and no registry age or sex limits. {@code -} reads standard input.
 */
public final class ExtractCommand implements Command {
  static final String USAGE = "usage: extract [--fhir-version r4|r5] <file|->";

  /** The trial id given to plain criteria text (the Group id is {@code stdin-eligibility}). */
  static final String PLAIN_TEXT_ID = "stdin";

  private static final Pattern NCT_ID = Pattern.compile("NCT\\d{8}");

  private final InputStream stdin;

  public ExtractCommand() {
    this(System.in);
  }

  ExtractCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public String name() {
    return "extract";
  }

  @Override
  public String summary() {
    return "[--fhir-version r4|r5] <file|->  print the eligibility Group of a study, seed page or"
        + " criteria text";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) {
    String version = "r4";
    String input = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--fhir-version") || a.startsWith("--fhir-version=")) {
        String v = a.contains("=") ? a.substring(a.indexOf('=') + 1) : null;
        if (v == null && i + 1 < args.size()) {
          v = args.get(++i);
        }
        if (v == null || !List.of("r4", "r5").contains(v.toLowerCase(Locale.ROOT))) {
          return usage(err, "--fhir-version needs r4 or r5");
        }
        version = v.toLowerCase(Locale.ROOT);
      } else if (a.startsWith("--")) {
        return usage(err, "unknown option " + a);
      } else if (input != null) {
        return usage(err, "one input only (got " + input + " and " + a + ")");
      } else {
        input = a;
      }
    }
    if (input == null) {
      return usage(err, "no input given");
    }
    String origin = input.equals("-") ? "<stdin>" : input;
    Trial trial;
    try {
      trial = read(input.equals("-") ? readStdin() : readFile(Path.of(input)), origin);
    } catch (InputException e) {
      err.println("extract: " + origin + ": " + e.getMessage());
      return 1;
    }
    IBaseResource group =
        version.equals("r5")
            ? new R5TrialMapper().eligibilityGroup(trial)
            : new R4TrialMapper().eligibilityGroup(trial);
    FhirContext ctx = version.equals("r5") ? FhirContext.forR5Cached() : FhirContext.forR4Cached();
    out.println(ctx.newJsonParser().setPrettyPrint(true).encodeResourceToString(group));
    return 0;
  }

  private static int usage(PrintStream err, String problem) {
    err.println("extract: " + problem + "; " + USAGE);
    return 2;
  }

  /** The one trial the text holds. */
  static Trial read(String text, String origin) throws InputException {
    if (text.isBlank()) {
      throw new InputException("empty input");
    }
    String trimmed = text.strip();
    if (trimmed.startsWith("{")) {
      return readJson(text, origin);
    }
    if (NCT_ID.matcher(text).find()) {
      try {
        return new SeedPageParser().parse(text, origin);
      } catch (RecordException e) {
        throw new InputException(e.getMessage());
      }
    }
    return plainCriteria(text, origin);
  }

  private static Trial readJson(String text, String origin) throws InputException {
    List<Trial> trials = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    try {
      new CtgovJsonReader()
          .read(
              new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
              origin,
              trials::add,
              rejections::add);
    } catch (IOException e) {
      throw new InputException("cannot read JSON: " + e.getMessage());
    }
    if (!rejections.isEmpty()) {
      throw new InputException(rejections.get(0).reason());
    }
    if (trials.size() != 1) {
      throw new InputException(
          "expected one ClinicalTrials.gov study, found " + trials.size() + " in the JSON");
    }
    return trials.get(0);
  }

  private static Trial plainCriteria(String text, String origin) {
    String criteria = text.replace("\r\n", "\n").strip();
    Eligibility e =
        new Eligibility(
            criteria,
            new CriteriaSplitter().split(criteria),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    return Trial.builder(PLAIN_TEXT_ID)
        .briefTitle("Eligibility criteria read from " + origin)
        .eligibility(e)
        .build();
  }

  private String readStdin() throws InputException {
    try {
      return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InputException("cannot read standard input: " + e.getMessage());
    }
  }

  private static String readFile(Path path) throws InputException {
    if (Files.isDirectory(path)) {
      throw new InputException("is a directory; give one file");
    }
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InputException("no such file");
    } catch (java.nio.charset.MalformedInputException e) {
      throw new InputException("not UTF-8 text");
    } catch (IOException e) {
      throw new InputException("cannot read: " + e.getMessage());
    }
  }

  /** Input that cannot be turned into a trial; the message is for the user. */
  static final class InputException extends Exception {
    InputException(String message) {
      super(message);
    }
  }
}
