package com.askkira.ops;

import com.askkira.pipeline.AnswerResponse;
import com.askkira.pipeline.ModelCircuit;
import com.askkira.pipeline.PipelineMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Kira's Prometheus metrics (Micrometer): per-route request latency, per-stage answer latency,
 * verdicts, abstentions by reason, crisis responses, model calls and fallbacks as counters; the
 * circuit breaker's state and the index as gauges. One registry per server (per replica): nothing
 * here is shared or static.
 */
public final class KiraMetrics implements PipelineMeter {
    /**
     * Histogram buckets for requests and stages: a warm answer takes about 30 ms over HTTP
     * (bench/Load.java) and a stage a few (bench/jmh.sh; see bench/README.md), a model answer
     * seconds, and a model call's limit is 30 s by default; explicit buckets keep each series to 14
     * lines instead of Micrometer's ~70.
     */
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(1),
        Duration.ofMillis(2),
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30)
    };

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public KiraMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** One HTTP request: its route (the path pattern, never the path a client sent), method and status. */
    public void request(String route, String method, int status, long nanos) {
        histogram("kira.http.requests", "HTTP requests by route, method and status")
                .tags("route", route, "method", method, "status", Integer.toString(status))
                .register(registry)
                .record(Duration.ofNanos(nanos));
    }

    @Override
    public void stage(Stage stage, long nanos) {
        histogram("kira.answer.stage", "Time spent in each stage of an answer")
                .tag("stage", name(stage))
                .register(registry)
                .record(Duration.ofNanos(nanos));
    }

    @Override
    public void modelCall(ModelCall outcome) {
        Counter.builder("kira.model.calls")
                .description("Model calls: answered, failed, or short-circuited by the open breaker")
                .tag("outcome", name(outcome))
                .register(registry)
                .increment();
    }

    @Override
    public void fallback(Fallback reason) {
        Counter.builder("kira.model.fallbacks")
                .description("Answers the offline answerer wrote in the model's place, by reason")
                .tag("reason", name(reason))
                .register(registry)
                .increment();
    }

    @Override
    public void answered(AnswerResponse response) {
        Counter.builder("kira.answers")
                .description("Answers returned, by guardrail verdict and whether the model was replaced (degraded)")
                .tags(
                        "verdict",
                        response.guardrail().verdict().wireName(),
                        "degraded",
                        Boolean.toString(response.degraded()))
                .register(registry)
                .increment();
        if (response.abstainReason() != null) {
            Counter.builder("kira.abstentions")
                    .description("Answers that declined, by reason")
                    .tag("reason", response.abstainReason().wireName())
                    .register(registry)
                    .increment();
        }
        if (response.safety().crisis()) {
            Counter.builder("kira.crisis.responses")
                    .description("Answers that led with crisis resources (a count; the messages are never kept)")
                    .register(registry)
                    .increment();
        }
    }

    /** The breaker's state as three gauges, one of them 1: {@code kira_model_breaker_state{state="open"} 1}. */
    public void watch(ModelCircuit circuit) {
        for (ModelCircuit.State state : ModelCircuit.State.values()) {
            Gauge.builder("kira.model.breaker.state", circuit, c -> c.state() == state ? 1 : 0)
                    .description("The model's circuit breaker: 1 for its current state")
                    .tag("state", state.wireName())
                    .strongReference(true)
                    .register(registry);
        }
    }

    /** The index in service: its Lucene commit generation (it grows with every re-index) and what it holds. */
    public void watchIndex(Supplier<Long> generation, Supplier<Integer> documents, Supplier<Integer> chunks) {
        Gauge.builder("kira.index.generation", generation, s -> s.get())
                .description("The Lucene commit generation of the index in service")
                .strongReference(true)
                .register(registry);
        Gauge.builder("kira.index.documents", documents, s -> s.get())
                .description("Library documents in the index")
                .strongReference(true)
                .register(registry);
        Gauge.builder("kira.index.chunks", chunks, s -> s.get())
                .description("Passages in the index")
                .strongReference(true)
                .register(registry);
    }

    /** Every metric in Prometheus' text format. */
    public String scrape() {
        return registry.scrape();
    }

    private static Timer.Builder histogram(String name, String description) {
        return Timer.builder(name).description(description).serviceLevelObjectives(BUCKETS);
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
