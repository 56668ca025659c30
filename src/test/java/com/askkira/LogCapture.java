package com.askkira;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Every log line written while it is open, at INFO and above, as the production encoder (logback's
 * JsonEncoder) writes it. Tests log at WARN (logback-test.xml); this raises the root level while
 * it is open and puts it back on close.
 */
public final class LogCapture implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Level before = root.getLevel();
    private final OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();

    public LogCapture() {
        LoggerContext context = root.getLoggerContext();
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        // As logback.xml configures it.
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.setWithArguments(false);
        encoder.setWithMessage(false);
        encoder.setWithFormattedMessage(true);
        encoder.start();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(bytes);
        appender.setImmediateFlush(true);
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.INFO);
    }

    /** The lines so far, one JSON object each. */
    public synchronized List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8)
                .lines()
                .filter(l -> !l.isBlank())
                .toList();
    }

    public String text() {
        return String.join("\n", lines());
    }

    /** A line's key-value pairs (JsonEncoder writes them as a list of one-entry objects) and its level and message. */
    public static Map<String, String> fields(String line) {
        try {
            JsonNode json = JSON.readTree(line);
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("level", json.path("level").asText());
            fields.put("formattedMessage", json.path("formattedMessage").asText());
            for (JsonNode pair : json.path("kvpList")) {
                pair.properties()
                        .forEach(e -> fields.put(e.getKey(), e.getValue().asText()));
            }
            return fields;
        } catch (JsonProcessingException e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }

    @Override
    public void close() {
        root.setLevel(before);
        root.detachAppender(appender);
        appender.stop();
    }
}
