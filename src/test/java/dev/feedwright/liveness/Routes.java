package dev.feedwright.liveness;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Answers by path, so that tests checking several links at once do not depend on the order the
 * requests arrive in: each path has its own queue of answers, the last of which repeats.
 * Unknown paths get 404. Socket effects work from the response's start on ({@code onResponseStart});
 * effects at the request's start are taken before the path is known, and are not applied.
 */
final class Routes extends Dispatcher {

    private final Map<String, Deque<MockResponse>> routes = new ConcurrentHashMap<>();

    Routes on(String path, MockResponse... answers) {
        Deque<MockResponse> queue = new ArrayDeque<>();
        for (MockResponse answer : answers) {
            queue.add(answer);
        }
        routes.put(path, queue);
        return this;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        Deque<MockResponse> queue = routes.get(request.getUrl().encodedPath());
        if (queue == null) {
            return new MockResponse.Builder().code(404).build();
        }
        synchronized (queue) {
            return queue.size() > 1 ? queue.poll() : queue.peek();
        }
    }
}
