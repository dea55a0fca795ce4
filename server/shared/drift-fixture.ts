// A schema that uses the features Mailstead's own schema does not (yet): @map/@@map, native
// types, unsigned and decimal columns, JSON, bytes, descending and prefix indexes, an optional
// relation. FIXTURE_SQL is what `prisma migrate` writes for it on MySQL; the drift tests prove
// the checker derives exactly this database from the schema, so it raises no false alarm.

export const FIXTURE_SCHEMA = `
datasource db {
  provider = "mysql"
}

enum Colour {
  red
  dark_blue @map("dark-blue")
}

model Owner {
  id    Int     @id @default(autoincrement())
  pets  Pet[]
  notes Note[]
}

model Pet {
  id        String    @id @default(uuid())
  name      String    @map("pet_name") @db.VarChar(40)
  price     Decimal   @db.Decimal(10, 2)
  weight    Float
  visits    Int       @default(0) @db.UnsignedInt
  bio       String?   @db.Text
  colour    Colour    @default(dark_blue)
  extra     Json?
  photo     Bytes?
  alive     Boolean   @default(false)
  born      DateTime  @default(now()) @db.DateTime(0)
  seenAt    DateTime? @db.Timestamp(6)
  ownerId   Int
  owner     Owner     @relation(fields: [ownerId], references: [id])

  @@unique([ownerId, name], map: "pet_owner_name")
  @@index([born(sort: Desc)])
  @@map("pets")
}

model Note {
  id      BigInt @id @default(autoincrement())
  text    String @db.VarChar(500)
  ownerId Int?
  owner   Owner? @relation(fields: [ownerId], references: [id])

  @@index([ownerId])
  @@index([text(length: 100)])
}
`;

export const FIXTURE_SQL = `
CREATE TABLE \`Owner\` (
    \`id\` INTEGER NOT NULL AUTO_INCREMENT,

    PRIMARY KEY (\`id\`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE TABLE \`pets\` (
    \`id\` VARCHAR(191) NOT NULL,
    \`pet_name\` VARCHAR(40) NOT NULL,
    \`price\` DECIMAL(10, 2) NOT NULL,
    \`weight\` DOUBLE NOT NULL,
    \`visits\` INTEGER UNSIGNED NOT NULL DEFAULT 0,
    \`bio\` TEXT NULL,
    \`colour\` ENUM('red', 'dark-blue') NOT NULL DEFAULT 'dark-blue',
    \`extra\` JSON NULL,
    \`photo\` LONGBLOB NULL,
    \`alive\` BOOLEAN NOT NULL DEFAULT false,
    \`born\` DATETIME(0) NOT NULL DEFAULT CURRENT_TIMESTAMP(0),
    \`seenAt\` TIMESTAMP(6) NULL,
    \`ownerId\` INTEGER NOT NULL,

    INDEX \`pets_born_idx\`(\`born\` DESC),
    UNIQUE INDEX \`pet_owner_name\`(\`ownerId\`, \`pet_name\`),
    PRIMARY KEY (\`id\`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE TABLE \`Note\` (
    \`id\` BIGINT NOT NULL AUTO_INCREMENT,
    \`text\` VARCHAR(500) NOT NULL,
    \`ownerId\` INTEGER NULL,

    INDEX \`Note_ownerId_idx\`(\`ownerId\`),
    INDEX \`Note_text_idx\`(\`text\`(100)),
    PRIMARY KEY (\`id\`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

ALTER TABLE \`pets\` ADD CONSTRAINT \`pets_ownerId_fkey\` FOREIGN KEY (\`ownerId\`) REFERENCES \`Owner\`(\`id\`) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE \`Note\` ADD CONSTRAINT \`Note_ownerId_fkey\` FOREIGN KEY (\`ownerId\`) REFERENCES \`Owner\`(\`id\`) ON DELETE SET NULL ON UPDATE CASCADE;
`;
