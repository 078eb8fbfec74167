package coop.ledger.importing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the jar's import mode for the benchmark and reads its report's counts and duration from standard error. It
 * also measures the CPU time the import itself used, from its first progress line to its summary (start-up and stop
 * left out): on a machine shared with other builds the wall time mostly measures the load, the CPU time per row much
 * less so.
 */
public final class ImportCommandLineBench {

    private static final Pattern SUMMARY = Pattern.compile(
            "imported ([\\d,]+) rows: ([\\d,]+) recorded, [\\d,]+ already recorded, ([\\d,]+) rejected, in ([\\d.]+) s");

    /**
     * The report's counts and duration; the CPU the importing thread and the whole process used while importing
     * (nanoseconds; -1 if the progress line was not seen).
     */
    public record Result(long rows, long recorded, long rejected, long millis, long threadCpuNanos,
                         long processCpuNanos) {
    }

    private ImportCommandLineBench() {
    }

    public static Result run(Class<?> application, Path file, Path dataDir) throws Exception {
        String[] args = {"import", file.toString(), "--recorded-by=bench", "--ledger.data-dir=" + dataDir,
                "--logging.level.root=WARN", "--ledger.audit.seal-interval=0"};
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        // progress lines still reach the console; the summary is read from the copy
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        CpuMarks cpu = new CpuMarks();
        System.setErr(new PrintStream(new TeeStream(errBytes, err, cpu), true, StandardCharsets.UTF_8));
        try {
            ImportCommandLine.run(application, args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        Matcher m = SUMMARY.matcher(errBytes.toString(StandardCharsets.UTF_8));
        if (!m.find()) {
            throw new IllegalStateException("no import summary in: " + errBytes.toString(StandardCharsets.UTF_8));
        }
        return new Result(number(m.group(1)), number(m.group(2)), number(m.group(3)),
                Math.round(Double.parseDouble(m.group(4)) * 1000), cpu.threadNanos(), cpu.processNanos());
    }

    /** The importing thread's and the process's CPU time at the first progress line and at the summary. */
    private static final class CpuMarks {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private long threadStart = -1;
        private long processStart = -1;
        private long threadEnd = -1;
        private long processEnd = -1;

        /** Called with each piece of standard error, on the thread that prints it (the importing one). */
        void seen(String text) {
            if (threadStart < 0 && text.contains("importing")) {
                threadStart = threads.getCurrentThreadCpuTime();
                processStart = os.getProcessCpuTime();
            } else if (threadStart >= 0 && threadEnd < 0 && text.contains("imported ")) {
                threadEnd = threads.getCurrentThreadCpuTime();
                processEnd = os.getProcessCpuTime();
            }
        }

        long threadNanos() {
            return threadEnd < 0 ? -1 : threadEnd - threadStart;
        }

        long processNanos() {
            return processEnd < 0 ? -1 : processEnd - processStart;
        }
    }

    private static long number(String text) {
        return Long.parseLong(text.replace(",", ""));
    }

    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;
        private final CpuMarks cpu;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b, CpuMarks cpu) {
            this.a = a;
            this.b = b;
            this.cpu = cpu;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws java.io.IOException {
            cpu.seen(new String(bytes, off, len, StandardCharsets.UTF_8));
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }
    }
}
