package dev.soko.samples.news;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The area under the ROC curve: the probability that a random clicked row scores above a random
 * unclicked one, ties counting one half. Computed from ranks (the Mann-Whitney U statistic), with
 * tied scores given their average rank.
 */
final class Auc {

  private Auc() {}

  /**
   * Returns the AUC of the scores against the labels, or NaN when all labels are the same.
   *
   * @throws IllegalArgumentException if the arrays differ in length
   */
  static double of(double[] scores, boolean[] labels) {
    if (scores.length != labels.length) {
      throw new IllegalArgumentException(
          "Cannot compute an AUC of " + scores.length + " scores and " + labels.length + " labels");
    }

    Integer[] order = new Integer[scores.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
    double positiveRanks = 0;
    long positives = 0;
    int start = 0;
    while (start < order.length) {
      int end = start;
      while (end + 1 < order.length && scores[order[end + 1]] == scores[order[start]]) {
        end++;
      }

      // Ranks run from 1; a run of ties from start to end shares the mean of its ranks.
      double rank = (start + end) / 2.0 + 1;
      for (int i = start; i <= end; i++) {
        if (labels[order[i]]) {
          positiveRanks += rank;
          positives++;
        }
      }

      start = end + 1;
    }

    long negatives = scores.length - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }

    return (positiveRanks - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }
}
