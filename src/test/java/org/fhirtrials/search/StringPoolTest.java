package org.fhirtrials.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StringPoolTest {
  @Test
  void equalValuesAreOneInstance() {
    StringPool pool = new StringPool();
    String a = new String("Boston");
    String b = new String("Boston");

    assertThat(pool.canonical(a)).isSameAs(a);
    assertThat(pool.canonical(b)).isSameAs(a);
  }

  @Test
  void threadsAskingForEqualStringsAtOnceGetOneInstanceEach() throws Exception {
    StringPool pool = new StringPool();
    int n = 50_000; // enough for every stripe's table to grow many times while the threads ask
    String[][] got = new String[4][n];
    Thread[] threads = new Thread[got.length];
    for (int t = 0; t < threads.length; t++) {
      String[] mine = got[t];
      threads[t] =
          new Thread(
              () -> {
                for (int i = 0; i < n; i++) {
                  mine[i] = pool.canonical(new String("value-" + i));
                }
              });
      threads[t].start();
    }
    for (Thread t : threads) {
      t.join();
    }

    for (int i = 0; i < n; i++) {
      assertThat(got[0][i]).isEqualTo("value-" + i);
      for (int t = 1; t < got.length; t++) {
        assertThat(got[t][i]).isSameAs(got[0][i]);
      }
      assertThat(pool.canonical(new String("value-" + i))).isSameAs(got[0][i]);
    }
    assertThat(pool.size()).isEqualTo(n);
  }

  @Test
  void theSecondIndexGetsTheTrialStringsOfTheFirstAndThePoolThenForgetsThem() {
    StringPool pool = new StringPool(2);
    String r4Id = new String("NCT01234567-site-1");

    Map<String, String> r4 = pool.trialStrings("NCT01234567");
    r4.computeIfAbsent(r4Id, k -> k);
    assertThat(pool.waiting()).isEqualTo(1);
    Map<String, String> r5 = pool.trialStrings("NCT01234567");

    assertThat(r5.computeIfAbsent(new String("NCT01234567-site-1"), k -> k)).isSameAs(r4Id);
    assertThat(pool.waiting()).isZero();
    assertThat(pool.trialStrings("NCT01234567")).isNotSameAs(r4).isEmpty();
  }

  @Test
  void trialsNoOtherIndexAsksForAreForgottenOldestFirstBeyondTheBound() {
    StringPool pool = new StringPool(2);

    for (int i = 0; i < StringPool.MAX_WAITING + 10; i++) {
      pool.trialStrings("NCT" + i).put("NCT" + i + "-site-1", "NCT" + i + "-site-1");
    }

    assertThat(pool.waiting()).isEqualTo(StringPool.MAX_WAITING);
    int newest = StringPool.MAX_WAITING + 9;
    assertThat(pool.trialStrings("NCT" + newest)).containsKey("NCT" + newest + "-site-1");
    assertThat(pool.trialStrings("NCT0")).as("forgotten: a new map").isEmpty();
  }

  @Test
  void anIndexAloneKeepsNothingBetweenPreparations() {
    StringPool pool = new StringPool(1);

    pool.trialStrings("NCT01234567").put("NCT01234567-site-1", "NCT01234567-site-1");

    assertThat(pool.trialStrings("NCT01234567")).isEmpty();
    assertThat(pool.waiting()).isZero();
  }
}
