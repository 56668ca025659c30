package com.askkira.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.askkira.config.InvalidConfigException;
import com.askkira.insights.InsightsReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The listening socket claimed before start-up work, and the server that then listens on it. */
class ServerPortTest {
    @Test
    void should_listen_on_loopback_only_when_kira_host_names_it() throws Exception {
        try (ServerPort port = ServerPort.bind(Optional.of("127.0.0.1"), 0)) {
            assertThat(port.channel().getLocalAddress())
                    .isEqualTo(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port.port()));
            assertThat(port.loopbackOnly()).isTrue();
        }
    }

    @Test
    void should_listen_on_every_interface_by_default() throws Exception {
        try (ServerPort port = ServerPort.bind(Optional.empty(), 0)) {
            assertThat(((InetSocketAddress) port.channel().getLocalAddress())
                            .getAddress()
                            .isAnyLocalAddress())
                    .isTrue();
            assertThat(port.loopbackOnly()).isFalse();
        }
    }

    @Test
    void should_refuse_a_port_in_use_as_a_configuration_error() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThatThrownBy(() -> ServerPort.bind(Optional.empty(), taken.getLocalPort()))
                    .isInstanceOf(InvalidConfigException.class)
                    .hasMessageContaining("KIRA_PORT")
                    .hasMessageContaining(Integer.toString(taken.getLocalPort()));
        }
    }

    @Test
    void should_refuse_an_unknown_host_as_a_configuration_error() {
        assertThatThrownBy(() -> ServerPort.bind(Optional.of("no-such-host.invalid"), 0))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("KIRA_HOST");
    }

    @Test
    void should_serve_on_the_port_claimed_before_it_was_created() throws Exception {
        // Nothing of Kira is needed to answer /health: a fake admin will do, and no answer or grounding is asked for.
        KiraServer.Admin admin = new KiraServer.Admin() {
            @Override
            public Map<String, Object> health() {
                return Map.of("status", "ok");
            }

            @Override
            public Map<String, Object> reindex() {
                throw new UnsupportedOperationException();
            }

            @Override
            public InsightsReport insights() {
                throw new UnsupportedOperationException();
            }
        };
        ServerPort port = ServerPort.bind(Optional.of("127.0.0.1"), 0);
        var app = new KiraServer(null, null, admin, new ObjectMapper(), new KiraServer.Options(0, List.of()))
                .create(port, config -> {})
                .start();
        try {
            assertThat(app.port()).isEqualTo(port.port());
            HttpResponse<String> health = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.port() + "/health"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
        } finally {
            app.stop();
        }
        assertThat(port.channel().isOpen()).as("closed with the server").isFalse();
    }
}
