package dev.soko.samples.news;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AucTest {

  @Test
  void countsOrderedPairsAndHalfTies() {
    // Positives score 0.9, 0.5, 0.3; negatives 0.5, 0.2. Of the 3 x 2 = 6 pairs, the positive
    // scores higher in (0.9, 0.5), (0.9, 0.2), (0.5, 0.2), (0.3, 0.2): 4; the tie (0.5, 0.5)
    // counts one half: AUC = 4.5 / 6 = 0.75.
    double auc =
        Auc.of(
            new double[] {0.9, 0.5, 0.5, 0.3, 0.2}, new boolean[] {true, true, false, true, false});

    assertThat(auc).isEqualTo(0.75);
  }

  @Test
  void isOneForAPerfectRankingAndNanForOneClass() {
    assertThat(Auc.of(new double[] {0.1, 0.2}, new boolean[] {false, true})).isEqualTo(1.0);
    assertThat(Auc.of(new double[] {0.1, 0.2}, new boolean[] {true, true})).isNaN();
  }

  @Test
  void rejectsArraysOfDifferentLengths() {
    assertThatThrownBy(() -> Auc.of(new double[] {0.1}, new boolean[] {true, false}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot compute an AUC of 1 scores and 2 labels");
  }
}
