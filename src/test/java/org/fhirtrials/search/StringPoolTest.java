package org.fhirtrials.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
  void theSecondIndexTakesTheTrialStringsTheFirstOfferedAndThePoolThenForgetsThem() {
    StringPool pool = new StringPool(2);
    String r4Id = new String("NCT01234567-site-1");

    assertThat(pool.takeTrialStrings("NCT01234567")).as("none offered yet").isNull();
    pool.offerTrialStrings("NCT01234567", List.of(new String("NCT01234567-site-2"), r4Id));
    assertThat(pool.waiting()).isEqualTo(1);
    String[] taken = pool.takeTrialStrings("NCT01234567");

    assertThat(StringPool.shared(taken, new String("NCT01234567-site-1"))).isSameAs(r4Id);
    String other = new String("NCT01234567-contact-1");
    assertThat(StringPool.shared(taken, other)).as("not offered: itself").isSameAs(other);
    assertThat(pool.waiting()).isZero();
    assertThat(pool.takeTrialStrings("NCT01234567")).isNull();
  }

  @Test
  void indexesThatPreparedATrialAtOnceLeaveNothingWaiting() {
    StringPool pool = new StringPool(2);

    // both took nothing (neither had offered yet), then both offer
    pool.offerTrialStrings("NCT01234567", List.of("NCT01234567-site-1"));
    pool.offerTrialStrings("NCT01234567", List.of("NCT01234567-site-1"));

    assertThat(pool.waiting()).isZero();
  }

  @Test
  void trialsNoOtherIndexTakesAreForgottenOldestFirstBeyondTheBound() {
    StringPool pool = new StringPool(2);

    for (int i = 0; i < StringPool.MAX_WAITING + 10; i++) {
      pool.offerTrialStrings("NCT" + i, List.of("NCT" + i + "-site-1"));
    }

    assertThat(pool.waiting()).isEqualTo(StringPool.MAX_WAITING);
    int newest = StringPool.MAX_WAITING + 9;
    assertThat(pool.takeTrialStrings("NCT" + newest)).containsExactly("NCT" + newest + "-site-1");
    assertThat(pool.takeTrialStrings("NCT0")).as("forgotten").isNull();
  }

  @Test
  void anIndexAloneKeepsNothingBetweenPreparations() {
    StringPool pool = new StringPool(1);

    pool.offerTrialStrings("NCT01234567", List.of("NCT01234567-site-1"));

    assertThat(pool.takeTrialStrings("NCT01234567")).isNull();
    assertThat(pool.waiting()).isZero();
  }
}
