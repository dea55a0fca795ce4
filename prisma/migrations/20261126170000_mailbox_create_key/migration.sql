-- A tenant admin's submission id on mailbox creation, so a retried create returns the first result (house rule 7).

-- AlterTable
ALTER TABLE `Mailbox` ADD COLUMN `createKey` VARCHAR(100) NULL;

-- CreateIndex
CREATE UNIQUE INDEX `Mailbox_tenantId_createKey_key` ON `Mailbox`(`tenantId`, `createKey`);
