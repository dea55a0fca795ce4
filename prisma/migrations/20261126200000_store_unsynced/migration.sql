-- Mail store (issue 7): a message's rows are committed while its file is being fsynced; this
-- table names the messages whose fsync had not been confirmed yet, with the file's checksum, so
-- the engine can check them after a crash.

-- CreateTable
CREATE TABLE `UnsyncedMessage` (
    `messageId` CHAR(26) NOT NULL,
    `sha256` BINARY(32) NOT NULL,
    `createdAt` DATETIME(3) NOT NULL,

    PRIMARY KEY (`messageId`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `UnsyncedMessage` ADD CONSTRAINT `UnsyncedMessage_messageId_fkey` FOREIGN KEY (`messageId`) REFERENCES `MailMessage`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
