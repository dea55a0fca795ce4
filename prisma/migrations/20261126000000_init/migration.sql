-- CreateTable
CREATE TABLE `Reseller` (
    `id` VARCHAR(191) NOT NULL,
    `name` VARCHAR(120) NOT NULL,
    `contactName` VARCHAR(80) NULL,
    `contactPhone` VARCHAR(40) NULL,
    `contactEmail` VARCHAR(254) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Tenant` (
    `id` VARCHAR(191) NOT NULL,
    `name` VARCHAR(120) NOT NULL,
    `status` ENUM('active', 'suspended', 'frozen') NOT NULL DEFAULT 'active',
    `timeZone` VARCHAR(64) NOT NULL DEFAULT 'Asia/Shanghai',
    `resellerId` VARCHAR(191) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `Tenant_resellerId_idx`(`resellerId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `User` (
    `id` VARCHAR(191) NOT NULL,
    `email` VARCHAR(254) NOT NULL,
    `name` VARCHAR(80) NOT NULL,
    `passwordHash` VARCHAR(255) NOT NULL,
    `role` ENUM('operator', 'reseller', 'tenant_admin') NOT NULL,
    `status` ENUM('active', 'disabled') NOT NULL DEFAULT 'active',
    `tenantId` VARCHAR(191) NULL,
    `resellerId` VARCHAR(191) NULL,
    `locale` VARCHAR(8) NULL,
    `lastLoginAt` DATETIME(3) NULL,
    `lastLoginIp` VARCHAR(45) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `User_email_key`(`email`),
    INDEX `User_tenantId_idx`(`tenantId`),
    INDEX `User_resellerId_idx`(`resellerId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Plan` (
    `id` VARCHAR(191) NOT NULL,
    `code` VARCHAR(40) NOT NULL,
    `name` VARCHAR(80) NOT NULL,
    `pricePerSeatYear` INTEGER NOT NULL,
    `currency` CHAR(3) NOT NULL DEFAULT 'CNY',
    `mailboxQuotaMb` INTEGER NOT NULL,
    `mailboxMessageLimit` INTEGER NULL,
    `attachmentLimitMb` INTEGER NOT NULL,
    `largeAttachmentLimitMb` INTEGER NOT NULL,
    `aliasesPerMailbox` INTEGER NOT NULL DEFAULT 5,
    `domainsPerTenant` INTEGER NOT NULL DEFAULT 5,
    `dailySendLimit` INTEGER NOT NULL DEFAULT 1000,
    `active` BOOLEAN NOT NULL DEFAULT true,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `Plan_code_key`(`code`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `AuditEvent` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `occurredAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `actorId` VARCHAR(191) NULL,
    `actorEmail` VARCHAR(254) NULL,
    `actorRole` ENUM('operator', 'reseller', 'tenant_admin') NULL,
    `tenantId` VARCHAR(191) NULL,
    `action` VARCHAR(80) NOT NULL,
    `targetType` VARCHAR(40) NULL,
    `targetId` VARCHAR(191) NULL,
    `result` ENUM('success', 'failure') NOT NULL,
    `details` JSON NULL,
    `ip` VARCHAR(45) NULL,

    INDEX `AuditEvent_occurredAt_idx`(`occurredAt`),
    INDEX `AuditEvent_tenantId_occurredAt_idx`(`tenantId`, `occurredAt`),
    INDEX `AuditEvent_actorId_occurredAt_idx`(`actorId`, `occurredAt`),
    INDEX `AuditEvent_action_occurredAt_idx`(`action`, `occurredAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `LoginEvent` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `occurredAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `userId` VARCHAR(191) NULL,
    `email` VARCHAR(254) NOT NULL,
    `ip` VARCHAR(45) NULL,
    `userAgent` VARCHAR(512) NULL,
    `result` ENUM('success', 'bad_credentials', 'disabled') NOT NULL,

    INDEX `LoginEvent_userId_occurredAt_idx`(`userId`, `occurredAt`),
    INDEX `LoginEvent_email_occurredAt_idx`(`email`, `occurredAt`),
    INDEX `LoginEvent_occurredAt_idx`(`occurredAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `AuditExport` (
    `id` VARCHAR(191) NOT NULL,
    `requestedById` VARCHAR(191) NOT NULL,
    `scopeTenantId` VARCHAR(191) NULL,
    `filters` JSON NOT NULL,
    `status` ENUM('queued', 'running', 'done', 'failed') NOT NULL DEFAULT 'queued',
    `progress` INTEGER NOT NULL DEFAULT 0,
    `rowCount` INTEGER NULL,
    `fileName` VARCHAR(255) NULL,
    `error` VARCHAR(500) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `finishedAt` DATETIME(3) NULL,

    INDEX `AuditExport_requestedById_createdAt_idx`(`requestedById`, `createdAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `Tenant` ADD CONSTRAINT `Tenant_resellerId_fkey` FOREIGN KEY (`resellerId`) REFERENCES `Reseller`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `User` ADD CONSTRAINT `User_tenantId_fkey` FOREIGN KEY (`tenantId`) REFERENCES `Tenant`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `User` ADD CONSTRAINT `User_resellerId_fkey` FOREIGN KEY (`resellerId`) REFERENCES `Reseller`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- Append-only logs (architecture: audit is append-only in the database itself). Prisma cannot
-- describe triggers, so they live only here; server/audit/immutability.int.test.ts proves them.
CREATE TRIGGER `AuditEvent_no_update` BEFORE UPDATE ON `AuditEvent` FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'AuditEvent is append-only';

CREATE TRIGGER `AuditEvent_no_delete` BEFORE DELETE ON `AuditEvent` FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'AuditEvent is append-only';

CREATE TRIGGER `LoginEvent_no_update` BEFORE UPDATE ON `LoginEvent` FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'LoginEvent is append-only';

CREATE TRIGGER `LoginEvent_no_delete` BEFORE DELETE ON `LoginEvent` FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'LoginEvent is append-only';
