package com.giftcardimport.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** Fields after the command name of /proc/PID/stat: state is [0], ppid [1], utime [11], stime [12]. */
    private static String[] stat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
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
