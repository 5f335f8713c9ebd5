package org.fhirtrials.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.fhirtrials.store.postgres.PostgresTrialStore;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * A PostgreSQL schema of its own for one test class, migrated by Flyway and dropped on close. The
 * server comes from {@code TEST_JDBC_URL} when set (CI sets it), else from Testcontainers when
 * Docker is available; otherwise the tests are skipped with a message, except under {@code
 * CI=true}, where a missing database fails the build.
 *
 * <p>A test class takes one with {@code @RegisterExtension static final TestDatabase.PerClass
 * database = new TestDatabase.PerClass();}.
 */
public final class TestDatabase implements AutoCloseable {
  /**
   * The database of one test class: started before the class's {@code @BeforeAll} methods (or the
   * class skipped, as {@link #start} says) and dropped after its {@code @AfterAll} ones.
   */
  public static final class PerClass implements BeforeAllCallback, AfterAllCallback {
    private TestDatabase database;

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
      database = start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
      if (database != null) {
        database.close();
        database = null;
      }
    }

    public HikariDataSource dataSource() {
      return database.dataSource();
    }

    public List<String> storeArgs() {
      return database.storeArgs();
    }

    public void truncate() throws SQLException {
      database.truncate();
    }
  }

  static final String URL_VARIABLE = "TEST_JDBC_URL";
  private static final String IMAGE = "postgres:15-alpine";

  private final String url;
  private final String user;
  private final String password;
  private final String schema;
  private final HikariDataSource dataSource;
  private final PostgreSQLContainer<?> container;

  private TestDatabase(String url, String user, String password, PostgreSQLContainer<?> container)
      throws SQLException {
    this.url = url;
    this.user = user;
    this.password = password;
    this.container = container;
    this.schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute("CREATE SCHEMA " + schema);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setSchema(schema);
    config.setMaximumPoolSize(10);
    config.setPoolName("test-" + schema);
    this.dataSource = new HikariDataSource(config);
    PostgresTrialStore.migrate(dataSource);
  }

  /** A fresh migrated schema, or a skipped (locally) / failed (CI) test when there is no server. */
  public static TestDatabase start() throws SQLException {
    String url = System.getenv(URL_VARIABLE);
    if (url != null && !url.isBlank()) {
      return new TestDatabase(url, null, null, null);
    }
    if (DockerClientFactory.instance().isDockerAvailable()) {
      PostgreSQLContainer<?> container = new PostgreSQLContainer<>(IMAGE);
      container.start();
      return new TestDatabase(
          container.getJdbcUrl(), container.getUsername(), container.getPassword(), container);
    }
    String message =
        "No PostgreSQL for the database tests: set "
            + URL_VARIABLE
            + " (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres) or start Docker";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException(message + " (CI=true: a missing database is a failure)");
    }
    Assumptions.abort(message);
    throw new AssertionError("unreachable");
  }

  public HikariDataSource dataSource() {
    return dataSource;
  }

  public String url() {
    return url;
  }

  public String schema() {
    return schema;
  }

  /** The arguments that put a server or a command on the PostgreSQL store in this database. */
  public List<String> storeArgs() {
    return List.of(
        "--fhirtrials.store=postgres",
        "--spring.datasource.url=" + url,
        "--spring.datasource.hikari.schema=" + schema);
  }

  /** Empties the trial table between tests. */
  public void truncate() throws SQLException {
    execute("TRUNCATE " + schema + ".trial");
  }

  @Override
  public void close() throws SQLException {
    try {
      dataSource.close();
      execute("DROP SCHEMA " + schema + " CASCADE");
    } finally {
      if (container != null) {
        container.stop();
      }
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
