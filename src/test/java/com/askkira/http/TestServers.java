package com.askkira.http;

import com.askkira.TestKira;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.util.List;

/** Kira's HTTP server over the shared test Kira, started on a free port with one API key. */
final class TestServers {
    private TestServers() {}

    static Javalin started(String key) {
        return new KiraServer(
                        TestKira.shared().answers(),
                        TestKira.shared().grounding(),
                        TestKira.shared().admin(),
                        new ObjectMapper(),
                        new KiraServer.Options(0, List.of(key)))
                .create()
                .start(0);
    }
}
