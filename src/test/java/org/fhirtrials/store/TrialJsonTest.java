package org.fhirtrials.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import org.fhirtrials.model.Trial;
import org.junit.jupiter.api.Test;

class TrialJsonTest {
  private final TrialJson json = new TrialJson();

  @Test
  void everyFieldSurvivesTheRoundTrip() {
    Trial full = FullyPopulated.trial("NCT01234567");
    assertEveryComponentSet(full);

    Trial back = json.read(new String(json.write(full), StandardCharsets.UTF_8), "NCT01234567");

    assertThat(back).isEqualTo(full);
  }

  @Test
  void aMinimalTrialRoundTripsWithItsDefaults() {
    Trial minimal = Trial.builder("NCT00000001").briefTitle("Only a title").build();

    assertThat(json.read(new String(json.write(minimal), StandardCharsets.UTF_8), "x"))
        .isEqualTo(minimal);
  }

  @Test
  void equalTrialsHaveEqualHashesAndAChangeChangesIt() {
    Trial a = FullyPopulated.trial("NCT01234567");
    Trial same = FullyPopulated.trial("NCT01234567");
    Trial changed = a.toBuilder().briefTitle("changed").build();

    assertThat(TrialJson.hash(json.write(a))).isEqualTo(TrialJson.hash(json.write(same)));
    assertThat(TrialJson.hash(json.write(a))).isNotEqualTo(TrialJson.hash(json.write(changed)));
  }

  @Test
  void anUnknownPropertyFailsWithTheTrialId() {
    assertThatThrownBy(() -> json.read("{\"nctId\":\"NCT1\",\"noSuchField\":1}", "NCT1"))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("NCT1")
        .hasMessageContaining("noSuchField");
  }

  /** Guards the fixture: a null or empty component would make the round trip prove less. */
  private static void assertEveryComponentSet(Object root) {
    Deque<Object> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      Object o = todo.pop();
      if (o instanceof Collection<?> c) {
        assertThat(c).isNotEmpty();
        c.forEach(todo::push);
      } else if (o.getClass().isRecord()) {
        for (RecordComponent rc : o.getClass().getRecordComponents()) {
          Object v;
          try {
            v = rc.getAccessor().invoke(o);
          } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
          }
          assertThat(v).as(o.getClass().getSimpleName() + "." + rc.getName()).isNotNull();
          todo.push(v);
        }
      }
    }
  }
}
