package dev.feedwright.testing;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An executor that runs tasks on real threads and lets a test see or hold each task as it is
 * handed over: subclasses override {@link #execute} and pass the task on to {@link #threads}.
 */
public abstract class DelegatingExecutor extends AbstractExecutorService {

    protected final ExecutorService threads;

    protected DelegatingExecutor(ExecutorService threads) {
        this.threads = threads;
    }

    @Override
    public void shutdown() {
        threads.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        return threads.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return threads.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return threads.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return threads.awaitTermination(timeout, unit);
    }
}
