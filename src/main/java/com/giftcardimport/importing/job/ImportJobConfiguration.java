package com.giftcardimport.importing.job;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The import runner's settings and its bounded thread pool. */
@Configuration(proxyBeanMethods = false)
class ImportJobConfiguration {

    @Bean
    ImportSettings importSettings(@Value("${app.import.max-running-jobs:4}") int maxRunningJobs,
                                  @Value("${app.import.max-running-jobs-per-project:2}") int maxRunningPerProject,
                                  @Value("${app.import.chunk-rows:20000}") int chunkRows,
                                  @Value("${app.import.chunk-interval:500ms}") Duration chunkInterval,
                                  @Value("${app.import.file-retention:7d}") Duration fileRetention,
                                  @Value("${app.import.direct-copy:true}") boolean directCopy,
                                  @Value("${app.import.loaders-per-job:2}") int loadersPerJob) {
        return new ImportSettings(maxRunningJobs, maxRunningPerProject, chunkRows, chunkInterval, fileRetention,
                directCopy, loadersPerJob);
    }

    /**
     * One thread per running job reads and validates, {@code loadersPerJob} load its chunks (the job's own thread,
     * a scheduler thread, waits for them), never more: the runner starts at most {@code maxRunningJobs} jobs, the
     * rest stay QUEUED in the database.
     */
    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskExecutor importExecutor(ImportSettings settings) {
        int threads = (1 + settings.loadersPerJob()) * settings.maxRunningJobs();
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setQueueCapacity(2 * threads);
        executor.setThreadNamePrefix("import-");
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.initialize();
        return executor;
    }
}
