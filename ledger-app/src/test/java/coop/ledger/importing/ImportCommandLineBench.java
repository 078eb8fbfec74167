package coop.ledger.importing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the jar's import mode for the benchmark and reads its report's counts and duration from standard error. */
public final class ImportCommandLineBench {

    private static final Pattern SUMMARY = Pattern.compile(
            "imported ([\\d,]+) rows: ([\\d,]+) recorded, [\\d,]+ already recorded, ([\\d,]+) rejected, in ([\\d.]+) s");

    public record Result(long rows, long recorded, long rejected, long millis) {
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
        System.setErr(new PrintStream(new TeeStream(errBytes, err), true, StandardCharsets.UTF_8));
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
                Math.round(Double.parseDouble(m.group(4)) * 1000));
    }

    private static long number(String text) {
        return Long.parseLong(text.replace(",", ""));
    }

    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws java.io.IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }
    }
}
