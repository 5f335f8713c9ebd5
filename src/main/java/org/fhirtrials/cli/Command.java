package org.fhirtrials.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * A sub-command of {@code java -jar fhir-trials.jar <name> ...}. Commands run without the web
 * server.
 */
public interface Command {
  /** The word that selects the command, e.g. {@code export}. */
  String name();

  /** One line for the usage text. */
  String summary();

  /**
   * Runs the command.
   *
   * @param args the arguments after the command name
   * @param out standard output
   * @param err standard error (progress, warnings, errors)
   * @return the process exit code: 0 success, 1 failure, 2 usage error
   */
  int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
