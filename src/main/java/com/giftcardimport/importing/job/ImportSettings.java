package com.giftcardimport.importing.job;

import java.time.Duration;

/**
 * How imports run on this installation ({@code app.import.*}).
 *
 * @param maxRunningJobs       jobs running at once on this server ({@code app.import.max-running-jobs}, 4)
 * @param maxRunningPerProject jobs of one project running at once; more wait QUEUED
 *                             ({@code app.import.max-running-jobs-per-project}, 2)
 * @param chunkRows            most rows committed in one transaction ({@code app.import.chunk-rows})
 * @param chunkInterval        a chunk is committed at least this often while rows come in, so that progress shows
 *                             within a second ({@code app.import.chunk-interval}, 500 ms)
 * @param fileRetention        how long a stored file is kept after its job ended ({@code app.import.file-retention},
 *                             7 days); the error report does not need it
 * @param directCopy           whether chunks are first COPYed straight into {@code gift_card} while no card number
 *                             is taken ({@code app.import.direct-copy}, true); false always takes the staging way
 * @param loadersPerJob        chunks of one job loading at once, each on its own database connection, committing in
 *                             file order ({@code app.import.loaders-per-job}, 2); 1 loads them one after the other
 */
public record ImportSettings(int maxRunningJobs, int maxRunningPerProject, int chunkRows, Duration chunkInterval,
                             Duration fileRetention, boolean directCopy, int loadersPerJob) {

    public ImportSettings {
        if (maxRunningJobs < 1 || maxRunningPerProject < 1 || chunkRows < 1 || loadersPerJob < 1) {
            throw new IllegalArgumentException("Import limits must be positive");
        }
    }
}
