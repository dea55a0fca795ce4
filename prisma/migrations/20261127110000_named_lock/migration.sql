-- Lock rows for check-then-insert sections (server/shared/named-lock.ts): a row lock ends with
-- the transaction's commit, where GET_LOCK's ended before it and let a second start slip in.

-- CreateTable
CREATE TABLE `NamedLock` (
    `name` VARCHAR(191) NOT NULL,

    PRIMARY KEY (`name`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
