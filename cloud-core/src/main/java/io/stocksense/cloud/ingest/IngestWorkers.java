package io.stocksense.cloud.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads that post northbound batches: {@code count} workers, each with its own bounded queue
 * and its own database connection per batch. Every task names a key (the gateway id): tasks of one key
 * always run on the same worker, in the order they were handed over, so one gateway's batches are
 * posted in arrival order (a pick is never posted before the receipt the gateway sent first), while
 * different gateways' batches are posted side by side.
 *
 * <p>Why more than one: a worker spends about half of each batch waiting for PostgreSQL, and the other
 * half in Java; two workers keep both the JVM and the database busy (README "Benchmarks", ledger).
 * Concurrent postings serialize per SKU × location in the database: each batch's level upsert takes
 * its row locks in key order and event ids are claimed in id order, so workers queue, never deadlock,
 * on shared keys.
 *
 * <p>Back-pressure: when a worker's queue is full, {@link #execute} waits for room, which slows down
 * the caller (the MQTT callback thread) instead of buffering without limit.
 */
public final class IngestWorkers implements AutoCloseable {

    /** Workers by default: one per core of this 2-core class of machine; more only add lock waits. */
    public static final int DEFAULT_COUNT = 2;

    private final List<ThreadPoolExecutor> workers = new ArrayList<>();

    public IngestWorkers(int count, int queueCapacity, String threadName) {
        if (count < 1) {
            throw new IllegalArgumentException("ingest workers must be at least 1, got " + count);
        }
        for (int i = 0; i < count; i++) {
            String name = count == 1 ? threadName : threadName + "-" + i;
            workers.add(new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queueCapacity),
                    r -> {
                        Thread t = new Thread(r, name);
                        t.setDaemon(true);
                        return t;
                    },
                    IngestWorkers::waitForRoom));
        }
    }

    public int count() {
        return workers.size();
    }

    /**
     * Runs {@code task} on the worker of {@code key}, after every task handed over before with the same key.
     *
     * @throws RejectedExecutionException once {@link #close} has begun
     */
    public void execute(String key, Runnable task) {
        ThreadPoolExecutor worker = workers.get(Math.floorMod(key.hashCode(), workers.size()));
        if (worker.isShutdown()) {
            throw new RejectedExecutionException("ingest workers are closing");
        }
        worker.execute(task);
    }

    private static void waitForRoom(Runnable task, ThreadPoolExecutor executor) {
        try {
            if (!executor.isShutdown()) {
                executor.getQueue().put(task);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lets queued tasks finish (up to 30 s in all), then interrupts what is left. */
    @Override
    public void close() {
        workers.forEach(ThreadPoolExecutor::shutdown);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (ThreadPoolExecutor w : workers) {
            try {
                if (!w.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    w.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                w.shutdownNow();
            }
        }
    }
}
