-- Probes and the SLA (issue 9): samples and their daily digests, roll-ups, the delivery log's
-- latency, maintenance windows and their announcements, incidents, per-plan targets, the month
-- close and its breaches and credits. Design: docs/sla.md.

-- AlterTable
ALTER TABLE `MessageEvent` ADD COLUMN `latencyMs` INTEGER NULL;

-- CreateTable
CREATE TABLE `ProbeSample` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `probe` ENUM('smtp_mx', 'submission', 'pop3', 'http', 'network', 'e2e', 'spam', 'ham', 'virus') NOT NULL,
    `target` VARCHAR(255) NOT NULL,
    `location` VARCHAR(64) NOT NULL,
    `ok` BOOLEAN NOT NULL,
    `latencyMs` INTEGER NULL,
    `error` VARCHAR(500) NULL,
    `at` DATETIME(3) NOT NULL,
    `skewMs` INTEGER NOT NULL DEFAULT 0,
    `tenantId` VARCHAR(191) NULL,
    `affected` INTEGER NULL,
    `detail` JSON NULL,

    INDEX `ProbeSample_at_idx`(`at`),
    INDEX `ProbeSample_ok_at_idx`(`ok`, `at`),
    INDEX `ProbeSample_probe_at_idx`(`probe`, `at`),
    INDEX `ProbeSample_tenantId_at_idx`(`tenantId`, `at`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- Samples are evidence: never edited. Old days are deleted by the retention job only after
-- their roll-ups and digest exist; a deletion inside the chain is what sla:verify reports.
CREATE TRIGGER `ProbeSample_no_update` BEFORE UPDATE ON `ProbeSample` FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ProbeSample is append-only';

-- CreateTable
CREATE TABLE `SampleDigest` (
    `day` DATE NOT NULL,
    `samples` INTEGER NOT NULL,
    `digest` BINARY(32) NOT NULL,
    `prevDigest` BINARY(32) NULL,
    `sealedAt` DATETIME(3) NOT NULL,

    PRIMARY KEY (`day`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ProbeRollup` (
    `probe` ENUM('smtp_mx', 'submission', 'pop3', 'http', 'network', 'e2e', 'spam', 'ham', 'virus') NOT NULL,
    `target` VARCHAR(255) NOT NULL,
    `location` VARCHAR(64) NOT NULL,
    `grain` VARCHAR(8) NOT NULL,
    `start` DATETIME(3) NOT NULL,
    `samples` INTEGER NOT NULL,
    `failures` INTEGER NOT NULL,
    `failedMinutes` INTEGER NOT NULL,
    `latencySumMs` BIGINT NOT NULL,
    `latencyMaxMs` INTEGER NOT NULL,

    INDEX `ProbeRollup_grain_start_idx`(`grain`, `start`),
    PRIMARY KEY (`probe`, `target`, `location`, `grain`, `start`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `LatencyRollup` (
    `tenantId` VARCHAR(191) NOT NULL,
    `day` DATE NOT NULL,
    `direction` ENUM('outbound', 'inbound') NOT NULL,
    `messages` INTEGER NOT NULL,
    `sumMs` BIGINT NOT NULL,
    `maxMs` INTEGER NOT NULL,
    `overHour` INTEGER NOT NULL,
    `histogram` JSON NOT NULL,

    INDEX `LatencyRollup_day_idx`(`day`),
    PRIMARY KEY (`tenantId`, `day`, `direction`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `MaintenanceWindow` (
    `id` VARCHAR(191) NOT NULL,
    `startsAt` DATETIME(3) NOT NULL,
    `endsAt` DATETIME(3) NOT NULL,
    `description` VARCHAR(500) NOT NULL,
    `status` ENUM('scheduled', 'cancelled') NOT NULL DEFAULT 'scheduled',
    `announcedAt` DATETIME(3) NOT NULL,
    `createdById` VARCHAR(191) NULL,
    `cancelledAt` DATETIME(3) NULL,
    `idempotencyKey` VARCHAR(191) NOT NULL,

    UNIQUE INDEX `MaintenanceWindow_idempotencyKey_key`(`idempotencyKey`),
    INDEX `MaintenanceWindow_startsAt_idx`(`startsAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Announcement` (
    `id` VARCHAR(191) NOT NULL,
    `title` VARCHAR(200) NOT NULL,
    `body` TEXT NOT NULL,
    `level` ENUM('notice', 'maintenance', 'urgent') NOT NULL DEFAULT 'notice',
    `audience` VARCHAR(40) NOT NULL DEFAULT 'all',
    `publishAt` DATETIME(3) NOT NULL,
    `takeDownAt` DATETIME(3) NULL,
    `createdById` VARCHAR(191) NULL,
    `maintenanceWindowId` VARCHAR(191) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `Announcement_maintenanceWindowId_key`(`maintenanceWindowId`),
    INDEX `Announcement_publishAt_idx`(`publishAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Incident` (
    `id` VARCHAR(191) NOT NULL,
    `kind` ENUM('outage', 'network', 'power') NOT NULL,
    `cause` ENUM('platform', 'force_majeure', 'third_party', 'customer') NOT NULL,
    `reason` VARCHAR(500) NULL,
    `summary` VARCHAR(500) NOT NULL,
    `startsAt` DATETIME(3) NOT NULL,
    `endsAt` DATETIME(3) NULL,
    `tenantId` VARCHAR(191) NULL,
    `createdById` VARCHAR(191) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `Incident_startsAt_idx`(`startsAt`),
    INDEX `Incident_tenantId_startsAt_idx`(`tenantId`, `startsAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `SlaTarget` (
    `planId` VARCHAR(191) NOT NULL,
    `availabilityPpm` INTEGER NOT NULL DEFAULT 999000,
    `availabilityAllowanceSec` INTEGER NOT NULL DEFAULT 2640,
    `connectivityPpm` INTEGER NOT NULL DEFAULT 999000,
    `connectivityAllowanceSec` INTEGER NOT NULL DEFAULT 2640,
    `powerPpm` INTEGER NOT NULL DEFAULT 999900,
    `powerAllowanceSec` INTEGER NOT NULL DEFAULT 264,
    `sendMeanMs` INTEGER NOT NULL DEFAULT 60000,
    `sendMaxMs` INTEGER NOT NULL DEFAULT 3600000,
    `receiveMeanMs` INTEGER NOT NULL DEFAULT 60000,
    `receiveMaxMs` INTEGER NOT NULL DEFAULT 3600000,
    `spamCaughtPpm` INTEGER NOT NULL DEFAULT 960000,
    `falsePositivePpm` INTEGER NOT NULL DEFAULT 100,
    `virusFoundPpm` INTEGER NOT NULL DEFAULT 999000,
    `virusRemovedPpm` INTEGER NOT NULL DEFAULT 995000,
    `updatedAt` DATETIME(3) NOT NULL,

    PRIMARY KEY (`planId`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- Every existing plan gets the contract's figures (new plans get theirs when created).
INSERT INTO `SlaTarget` (`planId`, `updatedAt`) SELECT `id`, CURRENT_TIMESTAMP(3) FROM `Plan`;

-- CreateTable
CREATE TABLE `SlaMonth` (
    `id` VARCHAR(191) NOT NULL,
    `tenantId` VARCHAR(191) NOT NULL,
    `month` CHAR(7) NOT NULL,
    `status` ENUM('met', 'breached', 'no_evidence') NOT NULL,
    `availabilityPpm` INTEGER NULL,
    `interruptionMinutes` INTEGER NOT NULL,
    `breaches` INTEGER NOT NULL,
    `figures` JSON NOT NULL,
    `digest` BINARY(32) NULL,
    `closeRunId` VARCHAR(191) NULL,
    `computedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `SlaMonth_tenantId_month_key`(`tenantId`, `month`),
    INDEX `SlaMonth_month_status_idx`(`month`, `status`),
    INDEX `SlaMonth_month_availabilityPpm_idx`(`month`, `availabilityPpm`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `SlaBreach` (
    `id` VARCHAR(191) NOT NULL,
    `tenantId` VARCHAR(191) NOT NULL,
    `month` CHAR(7) NOT NULL,
    `promise` VARCHAR(32) NOT NULL,
    `measured` VARCHAR(64) NOT NULL,
    `target` VARCHAR(64) NOT NULL,
    `evidence` JSON NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `SlaBreach_tenantId_month_promise_key`(`tenantId`, `month`, `promise`),
    INDEX `SlaBreach_month_idx`(`month`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `SlaCredit` (
    `id` VARCHAR(191) NOT NULL,
    `tenantId` VARCHAR(191) NOT NULL,
    `month` CHAR(7) NOT NULL,
    `failureMinutes` INTEGER NOT NULL,
    `creditMinutes` INTEGER NOT NULL,
    `monthFee` BIGINT NOT NULL,
    `proposedAmount` BIGINT NOT NULL,
    `capAmount` BIGINT NOT NULL,
    `amount` BIGINT NULL,
    `currency` CHAR(3) NOT NULL,
    `status` ENUM('proposed', 'approved', 'rejected') NOT NULL DEFAULT 'proposed',
    `reason` VARCHAR(500) NULL,
    `decidedById` VARCHAR(191) NULL,
    `decidedAt` DATETIME(3) NULL,
    `ledgerEntryId` BIGINT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `SlaCredit_tenantId_month_key`(`tenantId`, `month`),
    INDEX `SlaCredit_status_month_idx`(`status`, `month`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `SlaCloseRun` (
    `id` VARCHAR(191) NOT NULL,
    `month` CHAR(7) NOT NULL,
    `trigger` VARCHAR(20) NOT NULL,
    `status` ENUM('running', 'done', 'failed') NOT NULL DEFAULT 'running',
    `cursor` VARCHAR(191) NULL,
    `tenantsTotal` INTEGER NOT NULL DEFAULT 0,
    `processed` INTEGER NOT NULL DEFAULT 0,
    `breaches` INTEGER NOT NULL DEFAULT 0,
    `credits` INTEGER NOT NULL DEFAULT 0,
    `error` VARCHAR(500) NULL,
    `requestedById` VARCHAR(191) NULL,
    `startedAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `finishedAt` DATETIME(3) NULL,

    INDEX `SlaCloseRun_month_startedAt_idx`(`month`, `startedAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `Announcement` ADD CONSTRAINT `Announcement_maintenanceWindowId_fkey` FOREIGN KEY (`maintenanceWindowId`) REFERENCES `MaintenanceWindow`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `SlaTarget` ADD CONSTRAINT `SlaTarget_planId_fkey` FOREIGN KEY (`planId`) REFERENCES `Plan`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
