package dev.stepwise.core.testing.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the machine's CPU went during a window: this JVM by thread group (Tomcat of each app, WireMock, the load
 * generator, the Redis client, whatever a benchmark adds with {@link #countThreads}, the rest of the JVM: GC and
 * JIT), its child processes (PostgreSQL and Redis), and other processes on the machine, which a shared machine has
 * and which the figures must show. Shared by the adapters' benchmarks (bot-core's test-jar).
 */
public final class CpuMeter {

    private static final Logger log = LoggerFactory.getLogger(CpuMeter.class);
    private static final String TOMCAT = "http-nio-auto-";

    /** Thread groups by name prefix, the first match wins; each Tomcat is a group of its own, see {@link #tomcat(int)}. */
    private static volatile Map<String, String> groups = defaultGroups();

    /** {@code jitNanos} and {@code gcNanos}: the JVM's JIT compiler threads' and garbage collector threads' CPU so far. */
    public record Snapshot(long nanos, long machineBusyNanos, long processNanos, long childrenNanos, Map<String, Long> groupNanos,
                           long jitNanos, long gcNanos) {
    }

    /**
     * Average cores used per consumer over a window, and the window's length. Of {@code jvmOther} (threads in no
     * group, and the JVM's own threads, which the thread MXBean doesn't list), {@code jit} is the JIT compiler threads'
     * and {@code gc} the garbage collector threads' (from {@code /proc/self/task}; 0 where that isn't readable).
     */
    public record Usage(double seconds, double machine, double others, double children, double jvmOther, Map<String, Double> groups,
                        double jit, double gc) {

        public double group(String name) {
            return groups.getOrDefault(name, 0.0);
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ = 100 on Linux

    private CpuMeter() {
    }

    public static Snapshot take() {
        Map<String, Long> groups = new HashMap<>();
        long[] ids = THREADS.getAllThreadIds();
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            long cpu = THREADS.getThreadCpuTime(ids[i]);
            if (infos[i] != null && cpu > 0) {
                groups.merge(groupOf(infos[i].getThreadName()), cpu, Long::sum);
            }
        }
        long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        long children = ProcessHandle.current().descendants().mapToLong(CpuMeter::processCpuNanos).sum()
                + postgresCpuNanos();
        long[] jvmThreads = jvmThreadsCpuNanos();
        return new Snapshot(System.nanoTime(), machineBusyNanos(), process, children, groups, jvmThreads[0], jvmThreads[1]);
    }

    public static Usage between(Snapshot from, Snapshot to) {
        double seconds = (to.nanos() - from.nanos()) / 1e9;
        Map<String, Double> groups = new LinkedHashMap<>();
        long threads = 0;
        long other = 0;
        for (String group : to.groupNanos().keySet()) {
            long used = Math.max(0, to.groupNanos().get(group) - from.groupNanos().getOrDefault(group, 0L));
            threads += used;
            if (group.equals("other")) {
                other = used;
            } else {
                groups.put(group, cores(used, seconds));
            }
        }
        long process = to.processNanos() - from.processNanos();
        long children = Math.max(0, to.childrenNanos() - from.childrenNanos());
        long machine = to.machineBusyNanos() - from.machineBusyNanos();
        return new Usage(seconds, cores(machine, seconds), cores(Math.max(0, machine - process - children), seconds),
                cores(children, seconds), cores(Math.max(0, process - threads) + other, seconds), groups,
                cores(Math.max(0, to.jitNanos() - from.jitNanos()), seconds),
                cores(Math.max(0, to.gcNanos() - from.gcNanos()), seconds));
    }

    /** Cores used by processes other than this JVM and its children, sampled over {@code window}. */
    public static double othersOver(Duration window) throws InterruptedException {
        Snapshot from = take();
        Thread.sleep(window.toMillis());
        return between(from, take()).others();
    }

    /**
     * On a shared machine, waits (at most {@code maxWait}) until other processes use less than {@code maxCores},
     * sampling over 2 s at a time; the CPU they take anyway shows in each window's {@link Usage#others()}.
     *
     * @return the other processes' cores in the last sample
     */
    public static double waitForQuiet(Duration maxWait, double maxCores) throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        double others;
        while ((others = othersOver(Duration.ofSeconds(2))) > maxCores && System.nanoTime() < deadline) {
            log.info("Waiting for a quieter machine: other processes use {} cores", String.format("%.2f", others));
        }
        return others;
    }

    /**
     * Counts this JVM's threads whose names start with {@code prefix} as {@code group} (before the default groups:
     * load generator {@code bench-client-} and {@code main}, WireMock {@code qtp}, Redis client {@code lettuce-}).
     */
    public static synchronized void countThreads(String prefix, String group) {
        Map<String, String> updated = new LinkedHashMap<>();
        updated.put(prefix, group);
        groups.forEach(updated::putIfAbsent);
        groups = updated;
    }

    /**
     * Counts the PostgreSQL server listening on {@code port} with this JVM's child processes: {@code pg_ctl} starts it,
     * then exits, so it is not a descendant of this JVM.
     */
    public static void countPostgresOn(int port) {
        postgresPort = port;
        postmaster = -1;
    }

    private static volatile int postgresPort = -1;
    private static volatile long postmaster = -1;

    /** The postmaster's and its processes' (backends, writers, …) CPU time. */
    private static long postgresCpuNanos() {
        if (postgresPort < 0) {
            return 0;
        }
        try (var entries = Files.list(Path.of("/proc"))) {
            List<Long> pids = entries.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong).toList();
            if (postmaster < 0) {
                String listening = "-p\0" + postgresPort + "\0";
                for (long pid : pids) {
                    String cmdline = read("/proc/" + pid + "/cmdline");
                    if (cmdline.contains("postgres") && cmdline.contains(listening)) {
                        postmaster = pid;
                    }
                }
            }
            long nanos = 0;
            for (long pid : pids) {
                if (pid == postmaster || parentOf(pid) == postmaster) {
                    nanos += processCpuNanos(pid);
                }
            }
            return postmaster < 0 ? 0 : nanos;
        } catch (IOException | RuntimeException unavailable) {
            return 0;
        }
    }

    private static long parentOf(long pid) {
        String stat = read("/proc/" + pid + "/stat");
        try {
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
        } catch (RuntimeException gone) {
            return -1;
        }
    }

    private static String read(String path) {
        try {
            return new String(Files.readAllBytes(Path.of(path)), java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IOException | RuntimeException gone) {
            return "";
        }
    }

    private static double cores(long nanos, double seconds) {
        return seconds <= 0 ? 0 : nanos / 1e9 / seconds;
    }

    /** The thread group of the Tomcat started {@code n}th in this JVM (Tomcat names its threads "http-nio-auto-n-…"). */
    public static String tomcat(int n) {
        return "Tomcat " + n;
    }

    private static String groupOf(String threadName) {
        if (threadName.startsWith(TOMCAT)) {
            int end = threadName.indexOf('-', TOMCAT.length());
            return end < 0 ? "other" : "Tomcat " + threadName.substring(TOMCAT.length(), end);
        }
        for (Map.Entry<String, String> group : groups.entrySet()) {
            if (threadName.startsWith(group.getKey())) {
                return group.getValue();
            }
        }
        return "other";
    }

    /**
     * A process's CPU time from {@code /proc/<pid>/schedstat} (nanoseconds on the CPU, readable for processes of other
     * users too: PostgreSQL runs as one; its first thread's, which is all of a PostgreSQL process and nearly all of
     * Redis), or {@code /proc/<pid>/stat}'s tick-sampled utime + stime.
     */
    private static long processCpuNanos(ProcessHandle process) {
        return processCpuNanos(process.pid());
    }

    private static long processCpuNanos(long pid) {
        try {
            return Long.parseLong(Files.readString(Path.of("/proc/" + pid + "/schedstat")).split(" ")[0].strip());
        } catch (IOException | RuntimeException noSchedstat) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
            } catch (IOException | RuntimeException gone) {
                return 0;
            }
        }
    }

    /**
     * The CPU so far of this JVM's JIT compiler threads ({@code C1/C2 CompilerThread}) and garbage collector threads
     * ({@code GC Thread#n}, {@code G1 …}, {@code VM Thread}), by their Linux thread names. A compiler thread the JVM
     * stops when idle takes its time with it, so a window's figure may read a little low.
     */
    private static long[] jvmThreadsCpuNanos() {
        long jit = 0;
        long gc = 0;
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String name = read(task.resolve("comm").toString()).strip();
                boolean compiler = name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler");
                boolean collector = name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread");
                if (compiler || collector) {
                    String schedstat = read(task.resolve("schedstat").toString());
                    long nanos = schedstat.isEmpty() ? 0 : Long.parseLong(schedstat.split(" ")[0].strip());
                    if (compiler) {
                        jit += nanos;
                    } else {
                        gc += nanos;
                    }
                }
            }
        } catch (IOException | RuntimeException unavailable) {
            return new long[] {0, 0};
        }
        return new long[] {jit, gc};
    }

    private static long machineBusyNanos() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < Math.min(fields.length, 9); i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(fields[i]);
                }
            }
            return busy * NANOS_PER_TICK;
        } catch (IOException | RuntimeException unavailable) {
            return 0;
        }
    }

    private static Map<String, String> defaultGroups() {
        Map<String, String> groups = new LinkedHashMap<>();
        groups.put("bench-client-", "load generator");
        groups.put("main", "load generator");
        groups.put("qtp", "WireMock");
        groups.put("lettuce-", "Redis client");
        return groups;
    }
}
