package com.giftcardimport.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU seconds spent by the embedded PostgreSQL (the postmaster and all its processes, read from {@code /proc}) and
 * by this JVM: unlike wall-clock times, they do not depend on what else runs on a shared machine. Linux only;
 * elsewhere the PostgreSQL figure is -1.
 */
final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100.0;   // USER_HZ on Linux

    private final long postmaster;

    CpuMeter(long backendPid) {
        this.postmaster = parentOf(backendPid);
    }

    /** CPU seconds used so far by the postmaster and its children (live ones), or -1 when unknown. */
    double databaseSeconds() {
        if (postmaster <= 0) {
            return -1;
        }
        long ticks = ticks(postmaster);
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : (Iterable<Path>) procs::iterator) {
                String name = proc.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit) && parentOf(Long.parseLong(name)) == postmaster) {
                    ticks += ticks(Long.parseLong(name));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** CPU seconds used so far by this JVM (all threads: import, GC, JIT). */
    static double jvmSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return -1;
    }

    /** CPU seconds used so far by the process {@code pid} (all its threads), or 0 when it is gone. */
    static double processSeconds(long pid) {
        return ticks(pid) / TICKS_PER_SECOND;
    }

    /**
     * CPU seconds used so far by the threads of the JVM {@code pid}, by kind of thread: {@code JIT} (C1 and C2
     * compiler threads), {@code GC}, {@code import} (the import executor's threads), {@code HTTP} (the web server's
     * threads) and {@code other}. Threads that have ended are not counted.
     */
    static Map<String, Double> threadSeconds(long pid) {
        Map<String, Double> seconds = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String name;
                try {
                    name = Files.readString(task.resolve("comm")).strip();
                } catch (IOException e) {
                    continue;   // the thread ended meanwhile
                }
                String[] fields = stat(pid + "/task/" + task.getFileName());
                if (fields != null) {
                    double used = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
                    seconds.merge(threadKind(name), used, Double::sum);
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return seconds;
    }

    private static String threadKind(String name) {
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            return "JIT";
        }
        if (name.startsWith("GC ") || name.startsWith("G1 ") || name.contains("GC Thread")) {
            return "GC";
        }
        if (name.startsWith("import-")) {
            return "import";
        }
        if (name.startsWith("http-") || name.contains("-exec-") || name.startsWith("Catalina")) {
            return "HTTP";
        }
        return "other";
    }

    /** Fields after the command name of /proc/PID/stat: state is [0], ppid [1], utime [11], stime [12]. */
    private static String[] stat(long pid) {
        return stat(Long.toString(pid));
    }

    private static String[] stat(String process) {
        try {
            String stat = Files.readString(Path.of("/proc", process, "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long parentOf(long pid) {
        String[] fields = stat(pid);
        return fields == null ? -1 : Long.parseLong(fields[1]);
    }

    private static long ticks(long pid) {
        String[] fields = stat(pid);
        return fields == null ? 0 : Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
