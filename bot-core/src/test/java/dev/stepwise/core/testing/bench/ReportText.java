package dev.stepwise.core.testing.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What the benchmarks' markdown reports share: the file written with its hand-written part kept, the machine and JDK
 * lines, the command with its {@code -Dbench.…} knobs, and figures formatted alike. Shared by the adapters'
 * benchmarks (bot-core's test-jar).
 */
public final class ReportText {

    /** Everything above this line is rewritten on every run; everything below it is written by people and kept. */
    public static final String KEEP_MARKER =
            "<!-- Everything below this line is written by hand and kept when the benchmark rewrites this file. -->";

    private ReportText() {
    }

    /** Writes {@code generated}, the marker and the part below the marker already in the file (or {@code defaultNotes}). */
    public static void write(Path file, String generated, String defaultNotes) throws IOException {
        Files.createDirectories(file.getParent());
        String kept = Files.exists(file) ? keptPart(Files.readString(file, StandardCharsets.UTF_8), defaultNotes) : defaultNotes;
        Files.writeString(file, generated + "\n" + KEEP_MARKER + "\n" + kept, StandardCharsets.UTF_8);
    }

    private static String keptPart(String existing, String defaultNotes) {
        int at = existing.indexOf(KEEP_MARKER);
        return at < 0 ? defaultNotes : existing.substring(at + KEEP_MARKER.length()).stripLeading();
    }

    /** Now, as the reports date their figures. */
    public static String now() {
        return ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
    }

    /** {@code command} with the {@code -Dbench.…} system properties this run was given. */
    public static String command(String command) {
        String extra = System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("bench."))
                .sorted().map(name -> "-D" + name + "=" + System.getProperty(name)).collect(Collectors.joining(" "));
        return extra.isEmpty() ? command : command + " " + extra;
    }

    /** CPUs, model, memory and kernel. */
    public static String machine() {
        String cpus = run("nproc").map(n -> n + " CPUs (`nproc`)")
                .orElse(Runtime.getRuntime().availableProcessors() + " CPUs (JVM)");
        String model = read("/proc/cpuinfo").flatMap(text -> text.lines().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip())).orElse("unknown CPU");
        String memory = read("/proc/meminfo").flatMap(text -> text.lines().filter(l -> l.startsWith("MemTotal"))
                .findFirst().map(l -> Math.round(Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0) + " GB RAM"))
                .orElse("");
        return cpus + ", " + model + ", " + memory + ", " + System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    /** The JVM's vendor, name and version, and its arguments. */
    public static String jdk() {
        return System.getProperty("java.vm.vendor") + ' ' + System.getProperty("java.vm.name") + ' '
                + System.getProperty("java.runtime.version") + ", JVM arguments: " + jvmArguments();
    }

    private static String jvmArguments() {
        // A blank -Dname (an option the command left unset) says nothing.
        List<String> arguments = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> !(argument.startsWith("-D") && !argument.contains("="))).toList();
        return arguments.isEmpty() ? "none (the defaults)" : "`" + String.join(" ", arguments) + "`";
    }

    /** Errors with their kinds: {@code 0}, or e.g. {@code 12 (10× 503, 2 unanswered)}. */
    public static String errors(Stats s) {
        if (s.errors() == 0) {
            return "0";
        }
        Map<Integer, Long> other = s.statuses().entrySet().stream().filter(e -> e.getKey() < 200 || e.getKey() >= 300)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return s.errors() + " (" + other.entrySet().stream().map(e -> e.getValue() + "× " + e.getKey()).collect(Collectors.joining(", "))
                + (s.failed() > 0 ? (other.isEmpty() ? "" : ", ") + s.failed() + " unanswered" : "") + ")";
    }

    /** Milliseconds with three significant digits or so: {@code 0.35 ms}, {@code 17.5 ms}, {@code 123 ms}. */
    public static String ms(double millis) {
        return millis >= 100 ? String.format(Locale.ROOT, "%.0f ms", millis)
                : millis >= 10 ? String.format(Locale.ROOT, "%.1f ms", millis) : String.format(Locale.ROOT, "%.2f ms", millis);
    }

    /** A rate, whole and grouped: {@code 19,163}. */
    public static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    /** Cores, two decimals. */
    public static String cores(double cores) {
        return String.format(Locale.ROOT, "%.2f", cores);
    }

    /** A whole number without its {@code .0}, anything else as it is. */
    public static String fmt(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** {@code 20 s}, {@code 0.5 s}. */
    public static String seconds(Duration duration) {
        return fmt(duration.toMillis() / 1000.0) + " s";
    }

    private static Optional<String> run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.waitFor(5, TimeUnit.SECONDS) && process.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException | InterruptedException | RuntimeException unavailable) {
            return Optional.empty();
        }
    }

    private static Optional<String> read(String path) {
        try {
            return Optional.of(Files.readString(Path.of(path)));
        } catch (IOException | RuntimeException unavailable) {
            return Optional.empty();
        }
    }
}
