-- Resellers (issue 10): the reseller tree, wholesale pricing, credit limits and the resellers'
-- append-only ledger; invitations; announcements from three publishers with audiences.

-- AlterTable
ALTER TABLE `Reseller`
    ADD COLUMN `logo` MEDIUMTEXT NULL,
    ADD COLUMN `serviceHours` VARCHAR(120) NULL,
    ADD COLUMN `parentId` VARCHAR(191) NULL,
    ADD COLUMN `status` ENUM('active', 'suspended') NOT NULL DEFAULT 'active',
    ADD COLUMN `discountBps` INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN `creditLimit` BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN `currency` CHAR(3) NOT NULL DEFAULT 'CNY',
    ADD INDEX `Reseller_parentId_idx`(`parentId`);

-- AlterTable
ALTER TABLE `User` MODIFY `status` ENUM('active', 'disabled', 'invited') NOT NULL DEFAULT 'active';

-- AlterTable
ALTER TABLE `Order`
    MODIFY `method` ENUM('bank_transfer', 'stripe', 'reseller_account') NOT NULL DEFAULT 'bank_transfer',
    ADD COLUMN `resellerId` VARCHAR(191) NULL;

-- AlterTable
ALTER TABLE `AuditEvent`
    ADD COLUMN `actorResellerId` VARCHAR(191) NULL,
    ADD INDEX `AuditEvent_actorResellerId_occurredAt_idx`(`actorResellerId`, `occurredAt`);

-- AlterTable
ALTER TABLE `Announcement`
    ADD COLUMN `scope` ENUM('platform', 'reseller', 'tenant') NOT NULL DEFAULT 'platform',
    ADD COLUMN `resellerId` VARCHAR(191) NULL,
    ADD COLUMN `tenantId` VARCHAR(191) NULL,
    ADD COLUMN `audienceResellerId` VARCHAR(191) NULL,
    MODIFY `publishAt` DATETIME(3) NULL,
    ADD COLUMN `deletedAt` DATETIME(3) NULL,
    ADD COLUMN `updatedAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    ADD INDEX `Announcement_scope_publishAt_idx`(`scope`, `publishAt`),
    ADD INDEX `Announcement_resellerId_publishAt_idx`(`resellerId`, `publishAt`),
    ADD INDEX `Announcement_tenantId_publishAt_idx`(`tenantId`, `publishAt`);

-- CreateTable
CREATE TABLE `ResellerPrice` (
    `resellerId` VARCHAR(191) NOT NULL,
    `planId` VARCHAR(191) NOT NULL,
    `pricePerSeatYear` INTEGER NOT NULL,
    `changedById` VARCHAR(191) NULL,
    `updatedAt` DATETIME(3) NOT NULL,

    PRIMARY KEY (`resellerId`, `planId`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ResellerLedgerEntry` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `resellerId` VARCHAR(191) NOT NULL,
    `kind` ENUM('wholesale_charge', 'margin_credit', 'override_credit', 'payment', 'adjustment') NOT NULL,
    `amount` BIGINT NOT NULL,
    `currency` CHAR(3) NOT NULL,
    `tenantId` VARCHAR(191) NULL,
    `orderId` VARCHAR(191) NULL,
    `clientAmount` BIGINT NULL,
    `wholesaleAmount` BIGINT NULL,
    `marginAmount` BIGINT NULL,
    `reference` VARCHAR(191) NULL,
    `idempotencyKey` VARCHAR(191) NOT NULL,
    `actorId` VARCHAR(191) NULL,
    `actorRole` ENUM('operator', 'reseller', 'tenant_admin') NULL,
    `note` VARCHAR(500) NULL,
    `occurredAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `ResellerLedgerEntry_idempotencyKey_key`(`idempotencyKey`),
    INDEX `ResellerLedgerEntry_resellerId_occurredAt_idx`(`resellerId`, `occurredAt`),
    INDEX `ResellerLedgerEntry_tenantId_occurredAt_idx`(`tenantId`, `occurredAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `AccountToken` (
    `id` VARCHAR(191) NOT NULL,
    `userId` VARCHAR(191) NOT NULL,
    `purpose` ENUM('invite', 'reset') NOT NULL,
    `tokenHash` CHAR(64) NOT NULL,
    `expiresAt` DATETIME(3) NOT NULL,
    `usedAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `AccountToken_tokenHash_key`(`tokenHash`),
    INDEX `AccountToken_userId_purpose_idx`(`userId`, `purpose`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `AnnouncementTarget` (
    `announcementId` VARCHAR(191) NOT NULL,
    `targetId` VARCHAR(191) NOT NULL,

    INDEX `AnnouncementTarget_targetId_idx`(`targetId`),
    PRIMARY KEY (`announcementId`, `targetId`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `AnnouncementRead` (
    `announcementId` VARCHAR(191) NOT NULL,
    `readerId` VARCHAR(191) NOT NULL,
    `readAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `AnnouncementRead_readerId_idx`(`readerId`),
    PRIMARY KEY (`announcementId`, `readerId`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `Reseller` ADD CONSTRAINT `Reseller_parentId_fkey` FOREIGN KEY (`parentId`) REFERENCES `Reseller`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ResellerPrice` ADD CONSTRAINT `ResellerPrice_resellerId_fkey` FOREIGN KEY (`resellerId`) REFERENCES `Reseller`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `AnnouncementTarget` ADD CONSTRAINT `AnnouncementTarget_announcementId_fkey` FOREIGN KEY (`announcementId`) REFERENCES `Announcement`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `AnnouncementRead` ADD CONSTRAINT `AnnouncementRead_announcementId_fkey` FOREIGN KEY (`announcementId`) REFERENCES `Announcement`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- The resellers' books are append-only, like the tenants' ledger.
CREATE TRIGGER `ResellerLedgerEntry_no_update` BEFORE UPDATE ON `ResellerLedgerEntry` FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ResellerLedgerEntry is append-only';

CREATE TRIGGER `ResellerLedgerEntry_no_delete` BEFORE DELETE ON `ResellerLedgerEntry` FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ResellerLedgerEntry is append-only';
