package org.fhirtrials;

import java.util.Arrays;
import java.util.Optional;
import org.fhirtrials.cli.Cli;
import org.fhirtrials.cli.Command;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * {@code java -jar fhir-trials.jar [serve] [--spring.option=value...]} starts the FHIR server;
 * {@code java -jar fhir-trials.jar <command> ...} runs a CLI command without the web server.
 */
@SpringBootApplication
public class FhirTrialsApplication {
  static final String SERVE = "serve";

  public static void main(String[] args) {
    if (Cli.isHelp(args)) {
      Cli.usage(System.out);
      return;
    }
    Optional<Command> command = Cli.find(args);
    if (command.isPresent()) {
      System.exit(Cli.run(command.get(), args, System.out, System.err));
    }
    if (args.length > 0 && !args[0].equals(SERVE) && !args[0].startsWith("-")) {
      System.err.println("unknown command: " + args[0]);
      Cli.usage(System.err);
      System.exit(2);
    }
    SpringApplication.run(FhirTrialsApplication.class, serverArgs(args));
  }

  /** The arguments for Spring Boot: all of them, less a leading {@code serve}. */
  static String[] serverArgs(String[] args) {
    return args.length > 0 && args[0].equals(SERVE)
        ? Arrays.copyOfRange(args, 1, args.length)
        : args;
  }
}
