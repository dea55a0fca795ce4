-- Security (issue 11): password policy and history, lockout with allow-lists, IP sign-in rules,
-- TOTP and recovery codes, sessions, a richer login log with retention, known networks.

-- AlterTable
ALTER TABLE `User`
    ADD COLUMN `totpSecret` VARCHAR(255) NULL,
    ADD COLUMN `totpEnabledAt` DATETIME(3) NULL,
    ADD COLUMN `totpLastStep` BIGINT NULL,
    ADD COLUMN `totpPendingSecret` VARCHAR(255) NULL;

-- AlterTable
ALTER TABLE `LoginEvent`
    MODIFY `result` ENUM('success', 'bad_credentials', 'disabled', 'locked', 'ip_denied', 'rate_limited', 'second_factor_required', 'second_factor_failed', 'must_change_password') NOT NULL,
    ADD COLUMN `accountKind` ENUM('user', 'mailbox') NULL,
    ADD COLUMN `tenantId` VARCHAR(191) NULL,
    ADD COLUMN `channel` ENUM('web', 'self_service', 'smtp', 'pop3') NOT NULL DEFAULT 'web',
    ADD COLUMN `reason` VARCHAR(255) NULL,
    ADD COLUMN `lockoutExempt` BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN `newNetwork` BOOLEAN NOT NULL DEFAULT false,
    ADD INDEX `LoginEvent_tenantId_occurredAt_idx`(`tenantId`, `occurredAt`),
    ADD INDEX `LoginEvent_ip_occurredAt_idx`(`ip`, `occurredAt`);

-- AlterTable
ALTER TABLE `AuditExport`
    ADD COLUMN `kind` ENUM('operations', 'logins') NOT NULL DEFAULT 'operations';

-- The login log stays append-only, but must be kept only so long (30 days at least): rows
-- younger than 30 days still cannot be deleted; the retention job deletes older ones.
DROP TRIGGER `LoginEvent_no_delete`;
CREATE TRIGGER `LoginEvent_no_delete` BEFORE DELETE ON `LoginEvent` FOR EACH ROW
    BEGIN
        IF OLD.`occurredAt` > UTC_TIMESTAMP(3) - INTERVAL 30 DAY THEN
            SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'LoginEvent is append-only';
        END IF;
    END;

-- CreateTable
CREATE TABLE `SecurityPolicy` (
    `scope` VARCHAR(191) NOT NULL,
    `passwordMinLength` INTEGER NOT NULL DEFAULT 8,
    `passwordMaxLength` INTEGER NOT NULL DEFAULT 16,
    `passwordMinClasses` INTEGER NOT NULL DEFAULT 3,
    `passwordHistory` INTEGER NOT NULL DEFAULT 5,
    `passwordMaxAgeDays` INTEGER NOT NULL DEFAULT 90,
    `passwordReminderDays` INTEGER NOT NULL DEFAULT 14,
    `lockoutThreshold` INTEGER NOT NULL DEFAULT 5,
    `lockoutWindowMinutes` INTEGER NOT NULL DEFAULT 15,
    `lockoutMinutes` INTEGER NOT NULL DEFAULT 30,
    `webDefault` ENUM('allow', 'deny') NOT NULL DEFAULT 'allow',
    `mailDefault` ENUM('allow', 'deny') NOT NULL DEFAULT 'allow',
    `totpPolicy` ENUM('optional', 'required') NOT NULL DEFAULT 'optional',
    `sessionIdleMinutes` INTEGER NOT NULL DEFAULT 30,
    `sessionAbsoluteHours` INTEGER NOT NULL DEFAULT 12,
    `updatedById` VARCHAR(191) NULL,
    `updatedAt` DATETIME(3) NOT NULL,

    PRIMARY KEY (`scope`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `IpRule` (
    `id` VARCHAR(191) NOT NULL,
    `tenantId` VARCHAR(191) NOT NULL,
    `channel` ENUM('web', 'mail') NOT NULL,
    `action` ENUM('allow', 'deny') NOT NULL,
    `cidr` VARCHAR(49) NOT NULL,
    `note` VARCHAR(120) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `IpRule_tenantId_channel_cidr_key`(`tenantId`, `channel`, `cidr`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `LockoutAllowEntry` (
    `id` VARCHAR(191) NOT NULL,
    `scope` VARCHAR(191) NOT NULL,
    `cidr` VARCHAR(49) NOT NULL,
    `note` VARCHAR(120) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `LockoutAllowEntry_scope_cidr_key`(`scope`, `cidr`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `AccountLock` (
    `id` VARCHAR(191) NOT NULL,
    `accountKind` ENUM('user', 'mailbox') NULL,
    `accountId` VARCHAR(191) NULL,
    `ip` VARCHAR(45) NULL,
    `tenantId` VARCHAR(191) NULL,
    `failures` INTEGER NOT NULL,
    `lockedAt` DATETIME(3) NOT NULL,
    `lockedUntil` DATETIME(3) NOT NULL,
    `unlockedAt` DATETIME(3) NULL,
    `unlockedById` VARCHAR(191) NULL,

    INDEX `AccountLock_accountKind_accountId_lockedUntil_idx`(`accountKind`, `accountId`, `lockedUntil`),
    INDEX `AccountLock_ip_lockedUntil_idx`(`ip`, `lockedUntil`),
    INDEX `AccountLock_tenantId_lockedUntil_idx`(`tenantId`, `lockedUntil`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `PasswordHistory` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `accountKind` ENUM('user', 'mailbox') NOT NULL,
    `accountId` VARCHAR(191) NOT NULL,
    `passwordHash` VARCHAR(255) NOT NULL,
    `createdAt` DATETIME(3) NOT NULL,

    INDEX `PasswordHistory_accountKind_accountId_createdAt_idx`(`accountKind`, `accountId`, `createdAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `RecoveryCode` (
    `id` VARCHAR(191) NOT NULL,
    `userId` VARCHAR(191) NOT NULL,
    `codeHash` CHAR(64) NOT NULL,
    `usedAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `RecoveryCode_userId_codeHash_key`(`userId`, `codeHash`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `AuthSession` (
    `id` VARCHAR(64) NOT NULL,
    `accountKind` ENUM('user', 'mailbox') NOT NULL,
    `accountId` VARCHAR(191) NOT NULL,
    `createdAt` DATETIME(3) NOT NULL,
    `lastSeenAt` DATETIME(3) NOT NULL,
    `expiresAt` DATETIME(3) NOT NULL,
    `ip` VARCHAR(45) NULL,
    `userAgent` VARCHAR(512) NULL,
    `revokedAt` DATETIME(3) NULL,
    `revokedReason` VARCHAR(40) NULL,

    INDEX `AuthSession_accountKind_accountId_revokedAt_idx`(`accountKind`, `accountId`, `revokedAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `KnownNetwork` (
    `accountKind` ENUM('user', 'mailbox') NOT NULL,
    `accountId` VARCHAR(191) NOT NULL,
    `network` VARCHAR(49) NOT NULL,
    `firstSeenAt` DATETIME(3) NOT NULL,
    `lastSeenAt` DATETIME(3) NOT NULL,

    PRIMARY KEY (`accountKind`, `accountId`, `network`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
