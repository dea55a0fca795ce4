-- Console: departments, mailboxes, the platform-wide address table, mailing lists, CSV imports and
-- the welcome letter template (issue 6).

-- AlterTable
ALTER TABLE `User` ADD COLUMN `passwordChangedAt` DATETIME(3) NULL;

-- CreateTable
CREATE TABLE `Department` (
    `id` VARCHAR(191) NOT NULL,
    `tenantId` VARCHAR(191) NOT NULL,
    `parentId` VARCHAR(191) NULL,
    `name` VARCHAR(80) NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `Department_tenantId_parentId_idx`(`tenantId`, `parentId`),
    INDEX `Department_parentId_idx`(`parentId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Mailbox` (
    `id` VARCHAR(191) NOT NULL,
    `tenantId` VARCHAR(191) NOT NULL,
    `domainId` VARCHAR(191) NOT NULL,
    `departmentId` VARCHAR(191) NULL,
    `localPart` VARCHAR(64) NOT NULL,
    `address` VARCHAR(254) NOT NULL,
    `displayName` VARCHAR(80) NOT NULL,
    `quotaMb` INTEGER NOT NULL,
    `usedBytes` BIGINT NOT NULL DEFAULT 0,
    `status` ENUM('active', 'disabled') NOT NULL DEFAULT 'active',
    `passwordHash` VARCHAR(255) NOT NULL,
    `mustChangePassword` BOOLEAN NOT NULL DEFAULT true,
    `passwordChangedAt` DATETIME(3) NULL,
    `mobile` VARCHAR(32) NULL,
    `welcomeSentAt` DATETIME(3) NULL,
    `lastLoginAt` DATETIME(3) NULL,
    `lastLoginIp` VARCHAR(45) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `Mailbox_address_key`(`address`),
    INDEX `Mailbox_tenantId_createdAt_idx`(`tenantId`, `createdAt`),
    INDEX `Mailbox_domainId_idx`(`domainId`),
    INDEX `Mailbox_departmentId_idx`(`departmentId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `MailAddress` (
    `address` VARCHAR(254) NOT NULL,
    `tenantId` VARCHAR(191) NOT NULL,
    `domainId` VARCHAR(191) NOT NULL,
    `kind` ENUM('mailbox', 'alias', 'list') NOT NULL,
    `mailboxId` VARCHAR(191) NULL,
    `listId` VARCHAR(191) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `MailAddress_tenantId_kind_idx`(`tenantId`, `kind`),
    INDEX `MailAddress_domainId_idx`(`domainId`),
    INDEX `MailAddress_mailboxId_idx`(`mailboxId`),
    INDEX `MailAddress_listId_idx`(`listId`),
    PRIMARY KEY (`address`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `MailingList` (
    `id` VARCHAR(191) NOT NULL,
    `tenantId` VARCHAR(191) NOT NULL,
    `domainId` VARCHAR(191) NOT NULL,
    `address` VARCHAR(254) NOT NULL,
    `name` VARCHAR(80) NOT NULL,
    `description` VARCHAR(500) NULL,
    `policy` ENUM('anyone', 'members_and_senders', 'senders_only', 'organisation') NOT NULL DEFAULT 'anyone',
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `MailingList_address_key`(`address`),
    INDEX `MailingList_tenantId_createdAt_idx`(`tenantId`, `createdAt`),
    INDEX `MailingList_domainId_idx`(`domainId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `MailingListEntry` (
    `id` VARCHAR(191) NOT NULL,
    `listId` VARCHAR(191) NOT NULL,
    `role` ENUM('member', 'sender') NOT NULL,
    `address` VARCHAR(254) NOT NULL,
    `mailboxId` VARCHAR(191) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `MailingListEntry_listId_role_address_key`(`listId`, `role`, `address`),
    INDEX `MailingListEntry_mailboxId_idx`(`mailboxId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `MailboxImport` (
    `id` VARCHAR(191) NOT NULL,
    `tenantId` VARCHAR(191) NOT NULL,
    `createdById` VARCHAR(191) NULL,
    `fileName` VARCHAR(255) NOT NULL,
    `fileSha256` CHAR(64) NOT NULL,
    `encoding` VARCHAR(16) NOT NULL,
    `status` ENUM('validated', 'applying', 'done', 'failed') NOT NULL DEFAULT 'validated',
    `totalRows` INTEGER NOT NULL,
    `errorRows` INTEGER NOT NULL DEFAULT 0,
    `processedRows` INTEGER NOT NULL DEFAULT 0,
    `createdRows` INTEGER NOT NULL DEFAULT 0,
    `skippedRows` INTEGER NOT NULL DEFAULT 0,
    `failedRows` INTEGER NOT NULL DEFAULT 0,
    `error` VARCHAR(500) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `startedAt` DATETIME(3) NULL,
    `finishedAt` DATETIME(3) NULL,

    INDEX `MailboxImport_tenantId_createdAt_idx`(`tenantId`, `createdAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `WelcomeTemplate` (
    `tenantId` VARCHAR(191) NOT NULL,
    `enabled` BOOLEAN NOT NULL DEFAULT true,
    `subject` VARCHAR(200) NOT NULL,
    `body` TEXT NOT NULL,
    `updatedAt` DATETIME(3) NOT NULL,

    PRIMARY KEY (`tenantId`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `Department` ADD CONSTRAINT `Department_tenantId_fkey` FOREIGN KEY (`tenantId`) REFERENCES `Tenant`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `Department` ADD CONSTRAINT `Department_parentId_fkey` FOREIGN KEY (`parentId`) REFERENCES `Department`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `Mailbox` ADD CONSTRAINT `Mailbox_tenantId_fkey` FOREIGN KEY (`tenantId`) REFERENCES `Tenant`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `Mailbox` ADD CONSTRAINT `Mailbox_domainId_fkey` FOREIGN KEY (`domainId`) REFERENCES `Domain`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `Mailbox` ADD CONSTRAINT `Mailbox_departmentId_fkey` FOREIGN KEY (`departmentId`) REFERENCES `Department`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `MailAddress` ADD CONSTRAINT `MailAddress_tenantId_fkey` FOREIGN KEY (`tenantId`) REFERENCES `Tenant`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `MailAddress` ADD CONSTRAINT `MailAddress_domainId_fkey` FOREIGN KEY (`domainId`) REFERENCES `Domain`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `MailAddress` ADD CONSTRAINT `MailAddress_mailboxId_fkey` FOREIGN KEY (`mailboxId`) REFERENCES `Mailbox`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `MailAddress` ADD CONSTRAINT `MailAddress_listId_fkey` FOREIGN KEY (`listId`) REFERENCES `MailingList`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `MailingList` ADD CONSTRAINT `MailingList_tenantId_fkey` FOREIGN KEY (`tenantId`) REFERENCES `Tenant`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `MailingList` ADD CONSTRAINT `MailingList_domainId_fkey` FOREIGN KEY (`domainId`) REFERENCES `Domain`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `MailingListEntry` ADD CONSTRAINT `MailingListEntry_listId_fkey` FOREIGN KEY (`listId`) REFERENCES `MailingList`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `MailingListEntry` ADD CONSTRAINT `MailingListEntry_mailboxId_fkey` FOREIGN KEY (`mailboxId`) REFERENCES `Mailbox`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `MailboxImport` ADD CONSTRAINT `MailboxImport_tenantId_fkey` FOREIGN KEY (`tenantId`) REFERENCES `Tenant`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `WelcomeTemplate` ADD CONSTRAINT `WelcomeTemplate_tenantId_fkey` FOREIGN KEY (`tenantId`) REFERENCES `Tenant`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
