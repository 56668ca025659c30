package com.askkira.http;

import com.askkira.TestKira;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Kira's HTTP server over the shared test Kira, on a free port with one API key, for the tests of a
 * class ({@code @RegisterExtension static final RunningServer SERVER = new RunningServer(key)}):
 * started before the first, stopped after the last.
 */
final class RunningServer implements BeforeAllCallback, AfterAllCallback {
    private final String key;
    private Javalin app;

    RunningServer(String key) {
        this.key = key;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        app = new KiraServer(
                        TestKira.shared().answers(),
                        TestKira.shared().grounding(),
                        TestKira.shared().admin(),
                        new ObjectMapper(),
                        new KiraServer.Options(0, List.of(key)))
                .create()
                .start(0);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        app.stop();
    }

    int port() {
        return app.port();
    }

    /** "http://localhost:port", to put a path after. */
    String base() {
        return "http://localhost:" + port();
    }
}
