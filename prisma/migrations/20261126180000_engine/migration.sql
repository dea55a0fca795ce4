-- Mail engine (issue 7): accepted messages, the mail store's index, the outbox waiting for the
-- relay, the delivery log and the daily send counts.

-- CreateTable
CREATE TABLE `MailMessage` (
    `id` CHAR(26) NOT NULL,
    `receivedAt` DATETIME(3) NOT NULL,
    `listener` VARCHAR(16) NOT NULL,
    `clientIp` VARCHAR(45) NOT NULL,
    `helo` VARCHAR(255) NOT NULL,
    `mailFrom` VARCHAR(254) NOT NULL,
    `authMailboxId` VARCHAR(191) NULL,
    `subject` VARCHAR(255) NOT NULL,
    `headerMessageId` VARCHAR(255) NULL,
    `size` INTEGER NOT NULL,
    `path` VARCHAR(255) NOT NULL,

    INDEX `MailMessage_receivedAt_idx`(`receivedAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `StoredMessage` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `mailboxId` VARCHAR(191) NOT NULL,
    `messageId` CHAR(26) NOT NULL,
    `size` INTEGER NOT NULL,
    `flags` VARCHAR(255) NOT NULL DEFAULT '',
    `receivedAt` DATETIME(3) NOT NULL,
    `path` VARCHAR(255) NOT NULL,

    INDEX `StoredMessage_mailboxId_id_idx`(`mailboxId`, `id`),
    INDEX `StoredMessage_messageId_idx`(`messageId`),
    UNIQUE INDEX `StoredMessage_mailboxId_messageId_key`(`mailboxId`, `messageId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `OutboxItem` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `messageId` CHAR(26) NOT NULL,
    `recipient` VARCHAR(254) NOT NULL,
    `status` ENUM('queued', 'deferred', 'relayed', 'bounced') NOT NULL DEFAULT 'queued',
    `attempts` INTEGER NOT NULL DEFAULT 0,
    `nextAttemptAt` DATETIME(3) NOT NULL,
    `lastError` VARCHAR(500) NULL,
    `createdAt` DATETIME(3) NOT NULL,
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `OutboxItem_status_nextAttemptAt_idx`(`status`, `nextAttemptAt`),
    UNIQUE INDEX `OutboxItem_messageId_recipient_key`(`messageId`, `recipient`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `MessageEvent` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `messageId` CHAR(26) NOT NULL,
    `tenantId` VARCHAR(191) NOT NULL,
    `direction` ENUM('outbound', 'inbound') NOT NULL,
    `mailboxId` VARCHAR(191) NULL,
    `sender` VARCHAR(254) NOT NULL,
    `recipient` VARCHAR(254) NOT NULL,
    `subject` VARCHAR(255) NOT NULL,
    `status` ENUM('received', 'queued', 'delivered', 'relayed', 'deferred', 'bounced', 'quarantined') NOT NULL,
    `reason` VARCHAR(500) NULL,
    `history` JSON NOT NULL,
    `receivedAt` DATETIME(3) NOT NULL,
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `MessageEvent_tenantId_receivedAt_idx`(`tenantId`, `receivedAt`),
    INDEX `MessageEvent_tenantId_sender_receivedAt_idx`(`tenantId`, `sender`, `receivedAt`),
    INDEX `MessageEvent_tenantId_recipient_receivedAt_idx`(`tenantId`, `recipient`, `receivedAt`),
    INDEX `MessageEvent_tenantId_status_receivedAt_idx`(`tenantId`, `status`, `receivedAt`),
    INDEX `MessageEvent_mailboxId_receivedAt_idx`(`mailboxId`, `receivedAt`),
    INDEX `MessageEvent_messageId_idx`(`messageId`),
    INDEX `MessageEvent_receivedAt_idx`(`receivedAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `SendCount` (
    `mailboxId` VARCHAR(191) NOT NULL,
    `day` DATE NOT NULL,
    `count` INTEGER NOT NULL,

    PRIMARY KEY (`mailboxId`, `day`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `StoredMessage` ADD CONSTRAINT `StoredMessage_mailboxId_fkey` FOREIGN KEY (`mailboxId`) REFERENCES `Mailbox`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `StoredMessage` ADD CONSTRAINT `StoredMessage_messageId_fkey` FOREIGN KEY (`messageId`) REFERENCES `MailMessage`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `OutboxItem` ADD CONSTRAINT `OutboxItem_messageId_fkey` FOREIGN KEY (`messageId`) REFERENCES `MailMessage`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `SendCount` ADD CONSTRAINT `SendCount_mailboxId_fkey` FOREIGN KEY (`mailboxId`) REFERENCES `Mailbox`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
