package com.example.news;

import dev.soko.annotations.EventTime;
import dev.soko.annotations.Feature;
import dev.soko.annotations.FeatureGroup;
import dev.soko.annotations.Key;
import java.time.Instant;

@FeatureGroup(
    name = "user_engagement",
    owner = "news-recs",
    ttl = "P7D",
    online = true,
    description = "How much a user reads, by day.",
    tags = {"user"})
public record UserEngagement(
    @Key String userId,
    @EventTime Instant eventTime,
    @Feature(description = "Clicks in the 24 hours before event time.") long clicks24h,
    Double ctr7d,
    float[] embedding) {}
