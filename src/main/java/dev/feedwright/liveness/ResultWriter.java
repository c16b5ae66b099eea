package dev.feedwright.liveness;

import dev.feedwright.state.LinkRow;
import dev.feedwright.state.LinkStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Writes check results to the store on one thread, in batches of whatever has arrived (one
 * transaction each), so that a run killed half way loses only the results of the last moments.
 * A full queue makes the checkers wait rather than grow memory. When the store fails, the run is
 * told to stop and later results are dropped; {@link #failure()} says why.
 */
final class ResultWriter {

    private static final int BATCH = 256;
    private static final LinkRow END = LinkRow.unchecked("", "");

    private final LinkStore store;
    private final BlockingQueue<LinkRow> queue;
    private final Runnable onFailure;
    private final Thread thread;
    private volatile IOException failure;

    ResultWriter(LinkStore store, int capacity, Runnable onFailure) {
        this.store = store;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.onFailure = onFailure;
        this.thread = new Thread(this::drain, "feedwright-liveness-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues one row, waiting while the queue is full. */
    void put(LinkRow row) {
        boolean interrupted = false;
        while (failure == null) {
            try {
                queue.put(row);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes what is queued and stops the thread. */
    void finish() {
        put(END);
        if (failure != null) {
            queue.clear();
            queue.offer(END);
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Why writing failed, or null. */
    IOException failure() {
        return failure;
    }

    private void drain() {
        List<LinkRow> batch = new ArrayList<>(BATCH);
        boolean end = false;
        while (!end) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                continue;
            }
            queue.drainTo(batch, BATCH - 1);
            end = batch.remove(END);
            if (failure != null || batch.isEmpty()) {
                batch.clear();
                continue;
            }
            try {
                store.save(batch);
            } catch (IOException e) {
                failure = e;
                onFailure.run();
            }
            batch.clear();
        }
    }
}
