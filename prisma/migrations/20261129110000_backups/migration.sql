-- Configuration backups (issue 12): the record of each backup run. Design: docs/backups.md.

-- CreateTable
CREATE TABLE `BackupRun` (
    `id` VARCHAR(191) NOT NULL,
    `kind` ENUM('scheduled', 'manual') NOT NULL,
    `status` ENUM('running', 'succeeded', 'failed') NOT NULL DEFAULT 'running',
    `requestedById` VARCHAR(191) NULL,
    `startedAt` DATETIME(3) NOT NULL,
    `finishedAt` DATETIME(3) NULL,
    `fileName` VARCHAR(255) NULL,
    `bytes` BIGINT NULL,
    `sha256` CHAR(64) NULL,
    `tableCount` INTEGER NULL,
    `rowCount` INTEGER NULL,
    `rowsDone` INTEGER NOT NULL DEFAULT 0,
    `rowsTotal` INTEGER NOT NULL DEFAULT 0,
    `error` VARCHAR(1000) NULL,

    INDEX `BackupRun_status_finishedAt_idx`(`status`, `finishedAt`),
    INDEX `BackupRun_startedAt_idx`(`startedAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
