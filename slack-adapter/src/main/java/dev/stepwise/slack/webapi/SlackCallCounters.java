package dev.stepwise.slack.webapi;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts per Web API method: calls (as asked by callers), retries (extra attempts) and 429 answers. */
public final class SlackCallCounters {

    /** One method's counts at one moment. */
    public record Counts(long calls, long retries, long rateLimited) {
    }

    private record Adders(LongAdder calls, LongAdder retries, LongAdder rateLimited) {
        Adders() {
            this(new LongAdder(), new LongAdder(), new LongAdder());
        }
    }

    private final Map<String, Adders> byMethod = new ConcurrentHashMap<>();

    public long calls(String method) {
        return counts(method).calls();
    }

    public long retries(String method) {
        return counts(method).retries();
    }

    public long rateLimited(String method) {
        return counts(method).rateLimited();
    }

    public Counts counts(String method) {
        Adders adders = byMethod.get(method);
        return adders == null ? new Counts(0, 0, 0)
                : new Counts(adders.calls().sum(), adders.retries().sum(), adders.rateLimited().sum());
    }

    /** Every method seen so far, sorted by name. */
    public Map<String, Counts> snapshot() {
        Map<String, Counts> snapshot = new TreeMap<>();
        byMethod.keySet().forEach(method -> snapshot.put(method, counts(method)));
        return snapshot;
    }

    void countCall(String method) {
        adders(method).calls().increment();
    }

    void countRetry(String method) {
        adders(method).retries().increment();
    }

    void countRateLimited(String method) {
        adders(method).rateLimited().increment();
    }

    private Adders adders(String method) {
        return byMethod.computeIfAbsent(method, m -> new Adders());
    }
}
