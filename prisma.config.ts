import { defineConfig } from "prisma/config";

// Prisma's CLI is used only for `prisma generate` here: migrations are SQL files applied by
// scripts/migrate.ts (the schema engine binary cannot be downloaded on these machines).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
});
