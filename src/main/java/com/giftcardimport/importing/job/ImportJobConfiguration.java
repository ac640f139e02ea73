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
                                  @Value("${app.import.direct-copy:true}") boolean directCopy) {
        return new ImportSettings(maxRunningJobs, maxRunningPerProject, chunkRows, chunkInterval, fileRetention,
                directCopy);
    }

    /**
     * Two threads per running job (one reads and validates, one loads), never more: the runner starts at most
     * {@code maxRunningJobs} jobs, the rest stay QUEUED in the database.
     */
    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskExecutor importExecutor(ImportSettings settings) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(2 * settings.maxRunningJobs());
        executor.setMaxPoolSize(2 * settings.maxRunningJobs());
        executor.setQueueCapacity(4 * settings.maxRunningJobs());
        executor.setThreadNamePrefix("import-");
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.initialize();
        return executor;
    }
}
