package dev.stepwise.core.testing.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives one app's endpoint over a minimal keep-alive HTTP/1.1 client on plain sockets ({@link RawHttp}), so that
 * the generator, on the same cores as the apps, takes as little CPU from them as it can. Open loop: requests go out
 * on a fixed schedule whatever the app does, and each latency runs from the request's <em>scheduled</em> send time,
 * so a stall shows as the wait of every request it held up (no coordinated omission). Closed loop: N clients, each
 * sending its next request when the last one is answered.
 *
 * <p>Why not {@code java.net.http.HttpClient}: it opens a new connection for every request sent while the others
 * are busy, so one stall (Bolt's auth.test at a cold start, a GC pause) leaves it with thousands of pooled
 * connections, and then it spends most of its CPU scanning its pool ({@code ConnectionPool$ExpiryList.remove}):
 * 0.5 cores at 500 requests/s, taken from the apps it measures.
 *
 * <p>Generic: what is sent comes from a {@link Traffic}; sender threads are named {@code bench-client-n}
 * ({@link CpuMeter}'s "load generator"). Shared by the adapters' benchmarks (bot-core's test-jar).
 */
public final class LoadGenerator {

    /**
     * One request to send: its body and content type, and its other headers as ready-made lines ({@link #headers}).
     * {@code id} is the traffic's own name for it (or null), handed back in {@link Traffic#sending}.
     */
    public record Request(String id, String contentType, byte[] body, String headerLines) {

        /** Header lines ({@code "Name: value\r\n"} each) from names and values, in turn. */
        public static String headers(String... namesAndValues) {
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
                lines.append(namesAndValues[i]).append(": ").append(namesAndValues[i + 1]).append("\r\n");
            }
            return lines.toString();
        }
    }

    /** What a benchmark sends. Called from the generator's sender threads at once: implementations are thread-safe. */
    public interface Traffic {

        /** Request number {@code seq} of a run tagged {@code tag} (letters and digits: ids stay unique across runs). */
        Request request(String tag, long seq);

        /**
         * Told just before a request goes out, with the time it was due ({@link System#nanoTime()}: its scheduled
         * time in an open loop, its send time in a closed loop) and whether it is in the measured window; for
         * traffic that times what happens after the answer (a reply the app sends elsewhere).
         */
        default void sending(Request request, long dueNanos, boolean measured) {
        }

        /** Told of each request's answer: its HTTP status, or 0 when none came (connection refused or reset, timeout). */
        default void answered(Request request, int status) {
        }
    }

    /** An open-loop run: {@code measured} after the warm-up; {@code acknowledged} counts the warm-up's 2xx answers too. */
    public record OpenLoop(Stats measured, long sent, long acknowledged, double seconds, CpuMeter.Usage cpu) {
    }

    /** {@code acknowledged} counts the warm-up's 2xx answers too. */
    public record ClosedLoop(Stats measured, int clients, long acknowledged, double seconds, CpuMeter.Usage cpu) {

        public double throughput() {
            return measured.count() / seconds;
        }
    }

    private final URI uri;
    private final Traffic traffic;

    /** Drives {@code http://127.0.0.1:<port><path>}. */
    public LoadGenerator(int port, String path, Traffic traffic) {
        this.uri = URI.create("http://127.0.0.1:" + port + path);
        this.traffic = traffic;
    }

    /**
     * Sends {@code ratePerSecond} requests a second, request {@code i} at {@code start + i / rate}, over
     * {@code connections} keep-alive connections, each with its own sender thread: a sender takes the next request,
     * waits for its scheduled time and sends it; when every sender is waiting for an answer, the next request goes
     * out late, and its latency still runs from its scheduled time.
     */
    public OpenLoop openLoop(String tag, int ratePerSecond, int connections, Duration warmUp, Duration measure)
            throws InterruptedException {
        long interval = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
        long total = (warmUp.toNanos() + measure.toNanos()) / interval;
        long measuredFrom = warmUp.toNanos() / interval;
        Stats measured = new Stats();
        AtomicLong sequence = new AtomicLong();
        AtomicLong acknowledged = new AtomicLong();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        CountDownLatch measuredAll = new CountDownLatch(1);
        List<Thread> senders = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            senders.add(Thread.ofPlatform().name("bench-client-" + c).start(() -> {
                try (RawHttp http = new RawHttp(uri.getHost(), uri.getPort())) {
                    for (long i = sequence.getAndIncrement(); i < total; i = sequence.getAndIncrement()) {
                        Request request = traffic.request(tag, i);
                        long scheduled = start + i * interval;
                        waitUntil(scheduled);
                        traffic.sending(request, scheduled, i >= measuredFrom);
                        try {
                            int status = http.post(uri.getPath(), request);
                            long done = System.nanoTime();
                            if (status / 100 == 2) {
                                acknowledged.incrementAndGet();
                            }
                            if (i >= measuredFrom) {
                                measured.answered(status, scheduled, done);
                            }
                            traffic.answered(request, status);
                        } catch (IOException failure) {
                            traffic.answered(request, 0);
                            if (i >= measuredFrom) {
                                measured.failed(scheduled, System.nanoTime());
                            }
                        }
                    }
                }
                awaitQuietly(measuredAll); // a thread's CPU time is gone with the thread: stay until it is measured
            }));
        }
        sleepUntil(start + warmUp.toNanos());
        CpuMeter.Snapshot cpuFrom = CpuMeter.take();
        sleepUntil(start + warmUp.toNanos() + measure.toNanos());
        CpuMeter.Snapshot cpuTo = CpuMeter.take();
        measuredAll.countDown();
        for (Thread sender : senders) {
            sender.join();
        }
        return new OpenLoop(measured, total, acknowledged.get(), measure.toNanos() / 1e9, CpuMeter.between(cpuFrom, cpuTo));
    }

    public ClosedLoop closedLoop(String tag, int clients, Duration warmUp, Duration measure) throws InterruptedException {
        AtomicLong sequence = new AtomicLong();
        AtomicLong acknowledged = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measure.toNanos();
        List<Stats> perClient = new ArrayList<>();
        CountDownLatch measuredAll = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Stats stats = new Stats();
            perClient.add(stats);
            threads.add(Thread.ofPlatform().name("bench-client-" + c).start(() -> {
                try (RawHttp http = new RawHttp(uri.getHost(), uri.getPort())) {
                    while (System.nanoTime() < end) {
                        Request request = traffic.request(tag, sequence.getAndIncrement());
                        long sent = System.nanoTime();
                        boolean measuredRequest = sent >= measureFrom;
                        traffic.sending(request, sent, measuredRequest);
                        try {
                            int status = http.post(uri.getPath(), request);
                            long done = System.nanoTime();
                            if (status / 100 == 2) {
                                acknowledged.incrementAndGet();
                            }
                            if (measuredRequest && done <= end) {
                                stats.answered(status, sent, done);
                            }
                            traffic.answered(request, status);
                        } catch (IOException failure) {
                            traffic.answered(request, 0);
                            if (measuredRequest) {
                                stats.failed(sent, System.nanoTime());
                            }
                        }
                    }
                }
                awaitQuietly(measuredAll);
            }));
        }
        sleepUntil(measureFrom);
        CpuMeter.Snapshot cpuFrom = CpuMeter.take();
        sleepUntil(end);
        CpuMeter.Snapshot cpuTo = CpuMeter.take();
        measuredAll.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        Stats measured = new Stats();
        perClient.forEach(measured::add);
        return new ClosedLoop(measured, clients, acknowledged.get(), measure.toNanos() / 1e9, CpuMeter.between(cpuFrom, cpuTo));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepUntil(long deadline) throws InterruptedException {
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    /** Parks until shortly before the deadline, then spins: parking alone overshoots by tens of microseconds. */
    private static void waitUntil(long deadline) {
        long left;
        while ((left = deadline - System.nanoTime()) > 100_000) {
            LockSupport.parkNanos(left - 60_000);
        }
        while (System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    /** A minimal blocking HTTP/1.1 client on one keep-alive connection, reconnecting when the server closes it. */
    static final class RawHttp implements Closeable {

        private final String host;
        private final int port;
        private Socket socket;
        private OutputStream out;
        private InputStream in;

        RawHttp(String host, int port) {
            this.host = host;
            this.port = port;
        }

        int post(String path, Request request) throws IOException {
            try {
                if (socket == null) {
                    connect();
                }
                String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                        + "\r\nContent-Type: " + request.contentType()
                        + "\r\nContent-Length: " + request.body().length
                        + "\r\n" + request.headerLines() + "\r\n";
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(head.length() + request.body().length);
                bytes.write(head.getBytes(StandardCharsets.US_ASCII));
                bytes.write(request.body());
                bytes.writeTo(out);
                out.flush();
                return readResponse();
            } catch (IOException failure) {
                close();
                throw failure;
            }
        }

        private int readResponse() throws IOException {
            String statusLine = readLine();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean closing = false;
            for (String line = readLine(); !line.isEmpty(); line = readLine()) {
                String header = line.toLowerCase(Locale.ROOT);
                if (header.startsWith("content-length:")) {
                    length = Long.parseLong(header.substring("content-length:".length()).strip());
                } else if (header.startsWith("transfer-encoding:") && header.contains("chunked")) {
                    chunked = true;
                } else if (header.startsWith("connection:") && header.contains("close")) {
                    closing = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(readLine().split(";")[0].strip(), 16); size > 0;
                     size = Long.parseLong(readLine().split(";")[0].strip(), 16)) {
                    skip(size);
                    readLine();
                }
                while (!readLine().isEmpty()) {
                    // trailers
                }
            } else if (length > 0) {
                skip(length);
            }
            if (closing) {
                close();
            }
            return status;
        }

        private void connect() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            socket.connect(new InetSocketAddress(host, port), 10_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 8192);
        }

        private String readLine() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new EOFException("connection closed mid-response");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        private void skip(long bytes) throws IOException {
            for (long left = bytes; left > 0; ) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new EOFException("connection closed mid-body");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            socket = null;
        }
    }
}
