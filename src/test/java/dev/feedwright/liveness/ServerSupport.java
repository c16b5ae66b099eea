package dev.feedwright.liveness;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** Small helpers for tests against a {@link MockWebServer}. */
final class ServerSupport {

    private ServerSupport() {
    }

    static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).build();
    }

    static MockResponse redirect(int code, String location) {
        return new MockResponse.Builder().code(code).setHeader("Location", location).build();
    }

    /** Every request the server has seen and not yet handed out. */
    static List<RecordedRequest> requests(MockWebServer server) throws InterruptedException {
        List<RecordedRequest> requests = new ArrayList<>();
        RecordedRequest request;
        while ((request = server.takeRequest(50, TimeUnit.MILLISECONDS)) != null) {
            requests.add(request);
        }
        return requests;
    }

    /** {@code http://host:port/path} on the test server: names ending in .test resolve to it. */
    static String url(MockWebServer server, String host, String path) {
        return "http://" + host + ":" + server.getPort() + path;
    }
}
