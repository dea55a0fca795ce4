-- Domains: bound domains with their verification state, DKIM keys, and the DNS sandbox's zones (issue 5).

-- CreateTable
CREATE TABLE `Domain` (
    `id` VARCHAR(191) NOT NULL,
    `tenantId` VARCHAR(191) NOT NULL,
    `name` VARCHAR(253) NOT NULL,
    `unicodeName` VARCHAR(253) NOT NULL,
    `aliasOfId` VARCHAR(191) NULL,
    `state` ENUM('unverified', 'owned', 'mail_ready', 'degraded') NOT NULL DEFAULT 'unverified',
    `ownershipToken` VARCHAR(64) NOT NULL,
    `candidateState` ENUM('unverified', 'owned', 'mail_ready', 'degraded') NULL,
    `lastCheck` JSON NULL,
    `lastCheckedAt` DATETIME(3) NULL,
    `nextCheckAt` DATETIME(3) NULL,
    `ownedAt` DATETIME(3) NULL,
    `mailReadyAt` DATETIME(3) NULL,
    `mxFailingSince` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `Domain_name_key`(`name`),
    INDEX `Domain_tenantId_createdAt_idx`(`tenantId`, `createdAt`),
    INDEX `Domain_aliasOfId_idx`(`aliasOfId`),
    INDEX `Domain_nextCheckAt_idx`(`nextCheckAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `DkimKey` (
    `id` VARCHAR(191) NOT NULL,
    `domainId` VARCHAR(191) NOT NULL,
    `selector` VARCHAR(63) NOT NULL,
    `publicKey` TEXT NOT NULL,
    `privateKeyEnc` TEXT NOT NULL,
    `status` ENUM('pending', 'active', 'retired') NOT NULL DEFAULT 'pending',
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `activatedAt` DATETIME(3) NULL,
    `retiredAt` DATETIME(3) NULL,

    UNIQUE INDEX `DkimKey_domainId_selector_key`(`domainId`, `selector`),
    INDEX `DkimKey_domainId_status_idx`(`domainId`, `status`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `SandboxRecord` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `name` VARCHAR(253) NOT NULL,
    `type` VARCHAR(10) NOT NULL,
    `ttl` INTEGER NOT NULL DEFAULT 3600,
    `data` JSON NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `SandboxRecord_name_type_idx`(`name`, `type`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `Domain` ADD CONSTRAINT `Domain_tenantId_fkey` FOREIGN KEY (`tenantId`) REFERENCES `Tenant`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Domain` ADD CONSTRAINT `Domain_aliasOfId_fkey` FOREIGN KEY (`aliasOfId`) REFERENCES `Domain`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `DkimKey` ADD CONSTRAINT `DkimKey_domainId_fkey` FOREIGN KEY (`domainId`) REFERENCES `Domain`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
