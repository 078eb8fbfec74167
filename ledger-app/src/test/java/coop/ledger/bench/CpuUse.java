package coop.ledger.bench;

import java.lang.management.ManagementFactory;

/**
 * CPU time a throughput phase used, per operation: the whole process's, and the part the benchmark's own threads
 * used (for HTTP phases that is the client; for command-bus phases those threads run the command itself). On a
 * machine shared with other work the rates move with the load, but the CPU an operation costs moves much less, so
 * these figures compare two paths more steadily than their rates do.
 */
record CpuUse(long processNanos, long benchThreadNanos, long operations) {

    static long processCpuNow() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static long threadCpuNow() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** Process CPU milliseconds per operation. */
    double perOperationMs() {
        return operations == 0 ? Double.NaN : processNanos / 1e6 / operations;
    }

    /** Milliseconds per operation spent outside the benchmark's threads (for HTTP: the server's side). */
    double otherThreadsPerOperationMs() {
        return operations == 0 ? Double.NaN : (processNanos - benchThreadNanos) / 1e6 / operations;
    }

    /** Milliseconds per operation on the benchmark's own threads. */
    double benchThreadsPerOperationMs() {
        return operations == 0 ? Double.NaN : benchThreadNanos / 1e6 / operations;
    }
}
