package dev.soko.samples.news;

import dev.soko.SokoException;
import dev.soko.TrainingSet;
import dev.soko.samples.news.ClickModel.ModelRow;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.jspecify.annotations.Nullable;

/**
 * Reads a click training set into model rows, with and without the affinity features, and counts
 * labels by affinity bucket. Counts enter the model as {@code log(1 + n)}; a missing group row sets
 * a {@code *_missing} indicator and leaves its features at zero.
 */
final class ClickData {

  private static final String[] BASE = {
    "u_impressions_24h",
    "u_clicks_24h",
    "u_impressions_7d",
    "u_clicks_7d",
    "u_ctr_7d",
    "u_history",
    "u_missing",
    "a_impressions_1h",
    "a_clicks_1h",
    "a_impressions_24h",
    "a_clicks_24h",
    "a_ctr_24h",
    "a_ctr_missing",
    "a_age_hours",
    "a_missing",
    "m_title",
    "m_entities",
    "m_missing"
  };
  private static final String[] AFFINITY = {"f_clicks_7d", "f_share_7d", "f_missing"};

  private final List<ModelRow> without = new ArrayList<>();
  private final List<ModelRow> with = new ArrayList<>();
  private final Map<Bucket, long[]> buckets = new LinkedHashMap<>();
  private long rows;
  private long clicks;

  private ClickData() {
    for (Bucket bucket : Bucket.values()) {
      buckets.put(bucket, new long[2]);
    }
  }

  /**
   * Reads a training set built with the affinity group.
   *
   * @throws SokoException if the training set cannot be read
   */
  static ClickData read(TrainingSet set) {
    ClickData data = new ClickData();
    try (BufferAllocator allocator = new RootAllocator();
        ArrowReader reader = set.arrow(allocator)) {
      VectorSchemaRoot batch = reader.getVectorSchemaRoot();
      while (reader.loadNextBatch()) {
        for (int row = 0; row < batch.getRowCount(); row++) {
          data.add(batch, row);
        }
      }
    } catch (IOException e) {
      throw new SokoException("Cannot read the training set: " + e.getMessage(), e);
    }

    return data;
  }

  long rows() {
    return rows;
  }

  long clicks() {
    return clicks;
  }

  List<ModelRow> withoutAffinity() {
    return without;
  }

  List<ModelRow> withAffinity() {
    return with;
  }

  /** Returns, per bucket, the rows and the clicked rows. */
  Map<Bucket, long[]> buckets() {
    return buckets;
  }

  private void add(VectorSchemaRoot batch, int row) {
    boolean clicked = number(batch, "clicked", row) == 1;
    Instant shownAt = instant(batch.getVector(NewsTrainingSet.TIMESTAMP).getObject(row));
    double[] base = new double[BASE.length];
    double userImpressions7d = number(batch, "user_engagement__impressions_7d", row);
    if (Double.isNaN(userImpressions7d)) {
      base[6] = 1;
    } else {
      base[0] = log(number(batch, "user_engagement__impressions_24h", row));
      base[1] = log(number(batch, "user_engagement__clicks_24h", row));
      base[2] = log(userImpressions7d);
      double userClicks7d = number(batch, "user_engagement__clicks_7d", row);
      base[3] = log(userClicks7d);
      base[4] = userImpressions7d == 0 ? 0 : userClicks7d / userImpressions7d;
      base[5] = log(number(batch, "user_engagement__history_items", row));
    }

    double articleImpressions24h = number(batch, "article_engagement__impressions_24h", row);
    if (Double.isNaN(articleImpressions24h)) {
      base[14] = 1;
    } else {
      base[7] = log(number(batch, "article_engagement__impressions_1h", row));
      base[8] = log(number(batch, "article_engagement__clicks_1h", row));
      base[9] = log(articleImpressions24h);
      base[10] = log(number(batch, "article_engagement__clicks_24h", row));
      double ctr = number(batch, "article_engagement__ctr_24h", row);
      base[Double.isNaN(ctr) ? 12 : 11] = Double.isNaN(ctr) ? 1 : ctr;
      base[13] = log(number(batch, "article_engagement__age_seconds", row) / 3600);
    }

    double titleLength = number(batch, "article_meta__title_length", row);
    if (Double.isNaN(titleLength)) {
      base[17] = 1;
    } else {
      base[15] = titleLength / 100;
      base[16] = number(batch, "article_meta__entity_count", row);
    }

    double affinityClicks = number(batch, "user_category_affinity__clicks_7d", row);
    double share = number(batch, "user_category_affinity__click_share_7d", row);
    double[] all = new double[BASE.length + AFFINITY.length];
    System.arraycopy(base, 0, all, 0, BASE.length);
    if (Double.isNaN(affinityClicks)) {
      all[BASE.length + 2] = 1;
    } else {
      all[BASE.length] = log(affinityClicks);
      all[BASE.length + 1] = share;
    }

    without.add(new ModelRow(shownAt, clicked, BASE, base));
    with.add(new ModelRow(shownAt, clicked, ALL, all));
    rows++;
    clicks += clicked ? 1 : 0;
    Bucket bucket =
        batch.getVector("candidate_category").isNull(row)
            ? Bucket.UNKNOWN_CATEGORY
            : Bucket.of(Double.isNaN(share) ? 0 : share);
    buckets.get(bucket)[0]++;
    buckets.get(bucket)[1] += clicked ? 1 : 0;
  }

  private static final String[] ALL = concat(BASE, AFFINITY);

  private static String[] concat(String[] first, String[] second) {
    String[] all = new String[first.length + second.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }

  /** Returns a numeric cell, NaN when null. */
  private static double number(VectorSchemaRoot batch, String column, int row) {
    FieldVector vector = batch.getVector(column);
    if (vector == null) {
      throw new SokoException("Cannot read the training set: it has no column '" + column + "'");
    }

    Object value = vector.isNull(row) ? null : vector.getObject(row);
    return value == null ? Double.NaN : ((Number) value).doubleValue();
  }

  private static double log(double count) {
    return Math.log1p(Math.max(0, count));
  }

  private static Instant instant(@Nullable Object value) {
    if (value instanceof Long micros) {
      return Instant.EPOCH.plusNanos(micros * 1000);
    }

    if (value instanceof LocalDateTime local) {
      return local.toInstant(ZoneOffset.UTC);
    }

    throw new SokoException("Cannot read the training set: shown_at holds " + value);
  }

  /** Where a candidate's category affinity falls. */
  enum Bucket {
    UNKNOWN_CATEGORY("article not in news.tsv"),
    NONE("no clicks in category"),
    LOW("share (0, 0.25)"),
    MID("share [0.25, 0.5)"),
    HIGH("share [0.5, 1]");

    private final String label;

    Bucket(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }

    static Bucket of(double share) {
      if (share <= 0) {
        return NONE;
      }

      return share < 0.25 ? LOW : share < 0.5 ? MID : HIGH;
    }
  }
}
