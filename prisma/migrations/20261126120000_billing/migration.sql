-- Billing: plan price history, subscriptions, resizes, orders, the ledger, Stripe events,
-- billing runs and balance reminders (issue 4).

-- AlterTable
ALTER TABLE `Tenant`
    ADD COLUMN `suspendedReason` ENUM('non_payment', 'operator') NULL,
    ADD COLUMN `suspendedAt` DATETIME(3) NULL,
    ADD COLUMN `frozenUntil` DATETIME(3) NULL,
    ADD COLUMN `purgedAt` DATETIME(3) NULL,
    ADD COLUMN `mxVerifiedAt` DATETIME(3) NULL;

-- CreateTable
CREATE TABLE `PlanPrice` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `planId` VARCHAR(191) NOT NULL,
    `pricePerSeatYear` INTEGER NOT NULL,
    `currency` CHAR(3) NOT NULL,
    `effectiveFrom` DATETIME(3) NOT NULL,
    `changedById` VARCHAR(191) NULL,

    INDEX `PlanPrice_planId_effectiveFrom_idx`(`planId`, `effectiveFrom`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Subscription` (
    `id` VARCHAR(191) NOT NULL,
    `tenantId` VARCHAR(191) NOT NULL,
    `planId` VARCHAR(191) NOT NULL,
    `seats` INTEGER NOT NULL,
    `pricePerSeatYear` INTEGER NOT NULL,
    `currency` CHAR(3) NOT NULL,
    `status` ENUM('pending', 'active', 'cancelled') NOT NULL DEFAULT 'pending',
    `startRule` ENUM('on_payment', 'on_mx_verified') NOT NULL DEFAULT 'on_payment',
    `billingStartMonth` CHAR(7) NULL,
    `termEndMonth` CHAR(7) NULL,
    `paidAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `Subscription_tenantId_status_idx`(`tenantId`, `status`),
    INDEX `Subscription_planId_idx`(`planId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ResizeChange` (
    `id` VARCHAR(191) NOT NULL,
    `subscriptionId` VARCHAR(191) NOT NULL,
    `tenantId` VARCHAR(191) NOT NULL,
    `fromPlanId` VARCHAR(191) NOT NULL,
    `fromSeats` INTEGER NOT NULL,
    `toPlanId` VARCHAR(191) NOT NULL,
    `toSeats` INTEGER NOT NULL,
    `pricePerSeatYear` INTEGER NOT NULL,
    `effectiveMonth` CHAR(7) NOT NULL,
    `status` ENUM('scheduled', 'applied', 'cancelled') NOT NULL DEFAULT 'scheduled',
    `idempotencyKey` VARCHAR(191) NOT NULL,
    `requestedById` VARCHAR(191) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `cancelledAt` DATETIME(3) NULL,
    `appliedAt` DATETIME(3) NULL,

    UNIQUE INDEX `ResizeChange_idempotencyKey_key`(`idempotencyKey`),
    INDEX `ResizeChange_subscriptionId_status_idx`(`subscriptionId`, `status`),
    INDEX `ResizeChange_tenantId_createdAt_idx`(`tenantId`, `createdAt`),
    INDEX `ResizeChange_status_effectiveMonth_idx`(`status`, `effectiveMonth`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Order` (
    `id` VARCHAR(191) NOT NULL,
    `tenantId` VARCHAR(191) NOT NULL,
    `subscriptionId` VARCHAR(191) NULL,
    `kind` ENUM('subscription', 'top_up') NOT NULL,
    `planId` VARCHAR(191) NULL,
    `seats` INTEGER NULL,
    `termYears` INTEGER NULL,
    `pricePerSeatYear` INTEGER NULL,
    `amount` BIGINT NOT NULL,
    `currency` CHAR(3) NOT NULL,
    `reference` VARCHAR(20) NOT NULL,
    `method` ENUM('bank_transfer', 'stripe') NOT NULL DEFAULT 'bank_transfer',
    `status` ENUM('pending', 'paid', 'cancelled') NOT NULL DEFAULT 'pending',
    `idempotencyKey` VARCHAR(191) NOT NULL,
    `stripeSessionId` VARCHAR(255) NULL,
    `createdById` VARCHAR(191) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `paidAt` DATETIME(3) NULL,
    `cancelledAt` DATETIME(3) NULL,

    UNIQUE INDEX `Order_reference_key`(`reference`),
    UNIQUE INDEX `Order_idempotencyKey_key`(`idempotencyKey`),
    UNIQUE INDEX `Order_stripeSessionId_key`(`stripeSessionId`),
    INDEX `Order_tenantId_createdAt_idx`(`tenantId`, `createdAt`),
    INDEX `Order_subscriptionId_idx`(`subscriptionId`),
    INDEX `Order_planId_idx`(`planId`),
    INDEX `Order_status_createdAt_idx`(`status`, `createdAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `LedgerEntry` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `tenantId` VARCHAR(191) NOT NULL,
    `kind` ENUM('payment', 'monthly_charge', 'refund', 'sla_credit', 'adjustment') NOT NULL,
    `amount` BIGINT NOT NULL,
    `currency` CHAR(3) NOT NULL,
    `reference` VARCHAR(191) NULL,
    `billingMonth` CHAR(7) NULL,
    `idempotencyKey` VARCHAR(191) NOT NULL,
    `actorId` VARCHAR(191) NULL,
    `actorRole` ENUM('operator', 'reseller', 'tenant_admin') NULL,
    `note` VARCHAR(500) NULL,
    `occurredAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `LedgerEntry_idempotencyKey_key`(`idempotencyKey`),
    INDEX `LedgerEntry_tenantId_occurredAt_idx`(`tenantId`, `occurredAt`),
    INDEX `LedgerEntry_tenantId_kind_billingMonth_amount_idx`(`tenantId`, `kind`, `billingMonth`, `amount`),
    INDEX `LedgerEntry_kind_occurredAt_idx`(`kind`, `occurredAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `StripeEvent` (
    `id` VARCHAR(255) NOT NULL,
    `type` VARCHAR(80) NOT NULL,
    `orderId` VARCHAR(191) NULL,
    `receivedAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `StripeEvent_orderId_idx`(`orderId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `BillingRun` (
    `id` VARCHAR(191) NOT NULL,
    `month` CHAR(7) NOT NULL,
    `trigger` VARCHAR(20) NOT NULL,
    `status` ENUM('running', 'done', 'failed') NOT NULL DEFAULT 'running',
    `cursor` VARCHAR(191) NULL,
    `tenantsTotal` INTEGER NOT NULL DEFAULT 0,
    `processed` INTEGER NOT NULL DEFAULT 0,
    `charged` INTEGER NOT NULL DEFAULT 0,
    `chargedAmount` BIGINT NOT NULL DEFAULT 0,
    `suspended` INTEGER NOT NULL DEFAULT 0,
    `skipped` INTEGER NOT NULL DEFAULT 0,
    `resizesApplied` INTEGER NOT NULL DEFAULT 0,
    `renewals` INTEGER NOT NULL DEFAULT 0,
    `error` VARCHAR(500) NULL,
    `requestedById` VARCHAR(191) NULL,
    `startedAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `heartbeatAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `finishedAt` DATETIME(3) NULL,

    INDEX `BillingRun_month_startedAt_idx`(`month`, `startedAt`),
    INDEX `BillingRun_startedAt_idx`(`startedAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `BillingReminder` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `tenantId` VARCHAR(191) NOT NULL,
    `daysBefore` INTEGER NOT NULL,
    `runsOutOn` CHAR(10) NOT NULL,
    `recipients` INTEGER NOT NULL,
    `sentAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `BillingReminder_tenantId_daysBefore_runsOutOn_key`(`tenantId`, `daysBefore`, `runsOutOn`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `PlanPrice` ADD CONSTRAINT `PlanPrice_planId_fkey` FOREIGN KEY (`planId`) REFERENCES `Plan`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Subscription` ADD CONSTRAINT `Subscription_tenantId_fkey` FOREIGN KEY (`tenantId`) REFERENCES `Tenant`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Subscription` ADD CONSTRAINT `Subscription_planId_fkey` FOREIGN KEY (`planId`) REFERENCES `Plan`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ResizeChange` ADD CONSTRAINT `ResizeChange_subscriptionId_fkey` FOREIGN KEY (`subscriptionId`) REFERENCES `Subscription`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Order` ADD CONSTRAINT `Order_tenantId_fkey` FOREIGN KEY (`tenantId`) REFERENCES `Tenant`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Order` ADD CONSTRAINT `Order_subscriptionId_fkey` FOREIGN KEY (`subscriptionId`) REFERENCES `Subscription`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Order` ADD CONSTRAINT `Order_planId_fkey` FOREIGN KEY (`planId`) REFERENCES `Plan`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- The ledger is append-only, like the audit log: the books are corrected by new entries
-- (refunds, adjustments), never by editing old ones. Proved by server/billing/ledger-immutability.int.test.ts.
CREATE TRIGGER `LedgerEntry_no_update` BEFORE UPDATE ON `LedgerEntry` FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'LedgerEntry is append-only';

CREATE TRIGGER `LedgerEntry_no_delete` BEFORE DELETE ON `LedgerEntry` FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'LedgerEntry is append-only';

-- Price history starts with every plan's current price.
INSERT INTO `PlanPrice` (`planId`, `pricePerSeatYear`, `currency`, `effectiveFrom`)
    SELECT `id`, `pricePerSeatYear`, `currency`, `createdAt` FROM `Plan`;
