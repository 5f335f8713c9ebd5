package org.fhirtrials.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The registry of sub-commands and the usage text. */
public final class Cli {
  /** Every command; add new ones here. */
  private static final List<Command> COMMANDS =
      List.of(
          new ExportCommand(),
          new ExtractCommand(),
          new GenerateCommand(),
          new ImportCommand(),
          new SyncCommand());

  private Cli() {}

  /** The command named by the first argument, if any. */
  public static Optional<Command> find(String[] args) {
    if (args.length == 0) {
      return Optional.empty();
    }
    return COMMANDS.stream().filter(c -> c.name().equals(args[0])).findFirst();
  }

  /** True when the first argument asks for help. */
  public static boolean isHelp(String[] args) {
    return args.length > 0 && List.of("help", "--help", "-h").contains(args[0]);
  }

  /** Runs the command named by {@code args[0]}; returns the exit code. */
  public static int run(Command command, String[] args, PrintStream out, PrintStream err) {
    try {
      return command.run(Arrays.asList(args).subList(1, args.length), out, err);
    } catch (Exception e) {
      err.println(command.name() + ": " + e.getMessage());
      return 1;
    }
  }

  public static void usage(PrintStream out) {
    out.println("usage: java -jar fhir-trials.jar [serve] [--spring.option=value...]");
    for (Command c : COMMANDS) {
      out.printf("       java -jar fhir-trials.jar %-10s %s%n", c.name(), c.summary());
    }
  }
}
