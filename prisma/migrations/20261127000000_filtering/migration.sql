-- Filtering (issue 8): the outbound relay's leases, attempts and DSN warnings; quarantine;
-- tenants' spam policies; the outbound abuse limit and the operators' alerts.

-- AlterTable
ALTER TABLE `OutboxItem`
    MODIFY `status` ENUM('queued', 'sending', 'deferred', 'relayed', 'bounced') NOT NULL DEFAULT 'queued',
    ADD COLUMN `tenantId` VARCHAR(191) NULL,
    ADD COLUMN `domain` VARCHAR(253) NOT NULL DEFAULT '',
    ADD COLUMN `leaseUntil` DATETIME(3) NULL,
    ADD COLUMN `warnedAt` DATETIME(3) NULL;

-- CreateIndex
CREATE INDEX `OutboxItem_status_leaseUntil_idx` ON `OutboxItem`(`status`, `leaseUntil`);

-- AlterTable
ALTER TABLE `Mailbox`
    ADD COLUMN `sendingSuspendedAt` DATETIME(3) NULL,
    ADD COLUMN `sendingSuspendedReason` VARCHAR(255) NULL;

-- CreateTable
CREATE TABLE `DeliveryAttempt` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `outboxItemId` BIGINT NOT NULL,
    `at` DATETIME(3) NOT NULL,
    `outcome` ENUM('relayed', 'deferred', 'bounced') NOT NULL,
    `mxHost` VARCHAR(253) NULL,
    `ip` VARCHAR(45) NULL,
    `code` INTEGER NULL,
    `enhanced` VARCHAR(16) NULL,
    `response` VARCHAR(500) NOT NULL,
    `tls` BOOLEAN NOT NULL DEFAULT false,
    `durationMs` INTEGER NOT NULL,

    INDEX `DeliveryAttempt_outboxItemId_at_idx`(`outboxItemId`, `at`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `QuarantineItem` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `messageId` CHAR(26) NOT NULL,
    `tenantId` VARCHAR(191) NOT NULL,
    `mailboxId` VARCHAR(191) NOT NULL,
    `rcpt` VARCHAR(254) NOT NULL,
    `sender` VARCHAR(254) NOT NULL,
    `subject` VARCHAR(255) NOT NULL,
    `kind` ENUM('spam', 'virus', 'dmarc') NOT NULL,
    `score` DOUBLE NULL,
    `reasons` JSON NOT NULL,
    `size` INTEGER NOT NULL,
    `receivedAt` DATETIME(3) NOT NULL,
    `expiresAt` DATETIME(3) NOT NULL,
    `releasedAt` DATETIME(3) NULL,
    `releasedBy` VARCHAR(191) NULL,

    INDEX `QuarantineItem_tenantId_receivedAt_idx`(`tenantId`, `receivedAt`),
    INDEX `QuarantineItem_mailboxId_receivedAt_idx`(`mailboxId`, `receivedAt`),
    INDEX `QuarantineItem_expiresAt_idx`(`expiresAt`),
    INDEX `QuarantineItem_messageId_idx`(`messageId`),
    UNIQUE INDEX `QuarantineItem_mailboxId_messageId_key`(`mailboxId`, `messageId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `SpamPolicy` (
    `tenantId` VARCHAR(191) NOT NULL,
    `addHeaderScore` DOUBLE NOT NULL,
    `quarantineScore` DOUBLE NOT NULL,
    `rejectScore` DOUBLE NOT NULL,
    `virusAction` ENUM('reject', 'quarantine') NOT NULL DEFAULT 'reject',
    `updatedAt` DATETIME(3) NOT NULL,

    PRIMARY KEY (`tenantId`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `OutboundSpamHit` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `mailboxId` VARCHAR(191) NOT NULL,
    `messageId` CHAR(26) NULL,
    `score` DOUBLE NOT NULL,
    `at` DATETIME(3) NOT NULL,

    INDEX `OutboundSpamHit_mailboxId_at_idx`(`mailboxId`, `at`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `OperatorAlert` (
    `id` VARCHAR(191) NOT NULL,
    `kind` VARCHAR(40) NOT NULL,
    `tenantId` VARCHAR(191) NULL,
    `mailboxId` VARCHAR(191) NULL,
    `message` VARCHAR(1000) NOT NULL,
    `details` JSON NOT NULL,
    `createdAt` DATETIME(3) NOT NULL,
    `acknowledgedAt` DATETIME(3) NULL,
    `acknowledgedBy` VARCHAR(191) NULL,

    INDEX `OperatorAlert_acknowledgedAt_createdAt_idx`(`acknowledgedAt`, `createdAt`),
    INDEX `OperatorAlert_kind_createdAt_idx`(`kind`, `createdAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `DeliveryAttempt` ADD CONSTRAINT `DeliveryAttempt_outboxItemId_fkey` FOREIGN KEY (`outboxItemId`) REFERENCES `OutboxItem`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `QuarantineItem` ADD CONSTRAINT `QuarantineItem_messageId_fkey` FOREIGN KEY (`messageId`) REFERENCES `MailMessage`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `QuarantineItem` ADD CONSTRAINT `QuarantineItem_mailboxId_fkey` FOREIGN KEY (`mailboxId`) REFERENCES `Mailbox`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `SpamPolicy` ADD CONSTRAINT `SpamPolicy_tenantId_fkey` FOREIGN KEY (`tenantId`) REFERENCES `Tenant`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `OutboundSpamHit` ADD CONSTRAINT `OutboundSpamHit_mailboxId_fkey` FOREIGN KEY (`mailboxId`) REFERENCES `Mailbox`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
