package dev.soko.samples.news;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * A small logistic regression of clicks (Tribuo's SGD trainer), trained on the earlier part of the
 * training set and scored by AUC on the later part, so the test rows are in the model's future as
 * they would be in production.
 */
final class ClickModel {

  static final Label CLICK = new Label("1");
  static final Label NO_CLICK = new Label("0");

  // Tribuo logs each epoch through java.util.logging; the sample prints its own report. Held
  // here because java.util.logging keeps loggers only weakly.
  private static final Logger TRIBUO = Logger.getLogger("org.tribuo");

  static {
    TRIBUO.setLevel(Level.WARNING);
  }

  private ClickModel() {}

  /**
   * Trains on the rows shown before the time that splits off the last {@code testShare} of them,
   * and returns the AUC on the rest.
   */
  static Result evaluate(List<ModelRow> rows, double testShare) {
    List<ModelRow> sorted = rows.stream().sorted(Comparator.comparing(ModelRow::shownAt)).toList();
    if (sorted.isEmpty()) {
      return new Result(Double.NaN, 0, 0);
    }

    Instant split =
        sorted.get((int) Math.min(sorted.size() - 1, sorted.size() * (1 - testShare))).shownAt();
    LabelFactory labels = new LabelFactory();
    MutableDataset<Label> train =
        new MutableDataset<>(new SimpleDataSourceProvenance("training set", labels), labels);
    List<ModelRow> test = sorted.stream().filter(r -> !r.shownAt().isBefore(split)).toList();
    for (ModelRow row : sorted) {
      if (row.shownAt().isBefore(split)) {
        train.add(example(row));
      }
    }

    if (train.size() == 0 || train.getOutputInfo().size() < 2) {
      return new Result(Double.NaN, train.size(), test.size());
    }

    Model<Label> model = new LogisticRegressionTrainer().train(train);
    double[] scores = new double[test.size()];
    boolean[] clicked = new boolean[test.size()];
    for (int i = 0; i < test.size(); i++) {
      scores[i] = model.predict(example(test.get(i))).getOutputScores().get("1").getScore();
      clicked[i] = test.get(i).clicked();
    }

    return new Result(Auc.of(scores, clicked), train.size(), test.size());
  }

  private static Example<Label> example(ModelRow row) {
    return new ArrayExample<>(row.clicked() ? CLICK : NO_CLICK, row.names(), row.values());
  }

  /**
   * One row as the model sees it.
   *
   * @param shownAt when the candidate was shown
   * @param clicked the label
   * @param names the feature names
   * @param values the feature values, in the order of the names
   */
  record ModelRow(Instant shownAt, boolean clicked, String[] names, double[] values) {}

  /**
   * What an evaluation found.
   *
   * @param auc the AUC on the test rows, NaN if they hold one label only
   * @param trainRows the rows trained on
   * @param testRows the rows scored
   */
  record Result(double auc, int trainRows, int testRows) {}
}
