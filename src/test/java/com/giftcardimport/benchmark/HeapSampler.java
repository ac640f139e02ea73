package com.giftcardimport.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** Samples the used heap every 10 ms and keeps the largest value. */
final class HeapSampler {
    private final AtomicLong peak = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private Thread thread;

    static HeapSampler start() {
        HeapSampler sampler = new HeapSampler();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        sampler.thread = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
            while (sampler.running.get()) {
                sampler.peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        return sampler;
    }

    long stop() throws InterruptedException {
        running.set(false);
        thread.join();
        return peak.get();
    }
}
