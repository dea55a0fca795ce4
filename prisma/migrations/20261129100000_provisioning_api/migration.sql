-- Provisioning API (issue 12): API keys for outside billing systems and the idempotency records
-- of their writes. Design: docs/api.md.

-- CreateTable
CREATE TABLE `ApiKey` (
    `id` VARCHAR(191) NOT NULL,
    `name` VARCHAR(80) NOT NULL,
    `ownerKind` ENUM('operator', 'reseller') NOT NULL,
    `resellerId` VARCHAR(191) NULL,
    `createdById` VARCHAR(191) NOT NULL,
    `scopes` JSON NOT NULL,
    `prefix` VARCHAR(32) NOT NULL,
    `secretHash` CHAR(64) NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `lastUsedAt` DATETIME(3) NULL,
    `expiresAt` DATETIME(3) NULL,
    `revokedAt` DATETIME(3) NULL,

    UNIQUE INDEX `ApiKey_prefix_key`(`prefix`),
    UNIQUE INDEX `ApiKey_secretHash_key`(`secretHash`),
    INDEX `ApiKey_ownerKind_resellerId_createdAt_idx`(`ownerKind`, `resellerId`, `createdAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ApiIdempotencyRecord` (
    `id` VARCHAR(191) NOT NULL,
    `apiKeyId` VARCHAR(191) NOT NULL,
    `key` VARCHAR(255) NOT NULL,
    `method` VARCHAR(8) NOT NULL,
    `path` VARCHAR(255) NOT NULL,
    `bodyHash` CHAR(64) NOT NULL,
    `status` INTEGER NULL,
    `response` JSON NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `completedAt` DATETIME(3) NULL,

    INDEX `ApiIdempotencyRecord_createdAt_idx`(`createdAt`),
    UNIQUE INDEX `ApiIdempotencyRecord_apiKeyId_key_key`(`apiKeyId`, `key`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `ApiIdempotencyRecord` ADD CONSTRAINT `ApiIdempotencyRecord_apiKeyId_fkey` FOREIGN KEY (`apiKeyId`) REFERENCES `ApiKey`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
