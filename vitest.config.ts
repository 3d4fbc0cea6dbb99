import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Two projects: "unit" is pure code (no database); "db" touches a real PostgreSQL
// (TEST_DATABASE_URL) or, when that is unset, an embedded PGlite per test file.
const alias = {
  "@": fileURLToPath(new URL("./src", import.meta.url)),
  // The real package throws outside React Server Components; tests run server code directly.
  "server-only": fileURLToPath(new URL("./tests/helpers/server-only-stub.ts", import.meta.url)),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          sequence: { groupOrder: 0 },
          include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
          exclude: ["src/**/*.db.test.ts", "src/**/*.db.test.tsx"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "db",
          // Runs after the unit project, with its own worker limit.
          sequence: { groupOrder: 1 },
          include: ["tests/**/*.test.ts", "src/**/*.db.test.ts", "src/**/*.db.test.tsx"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // 2 cores: PGlite instances are heavy, keep parallelism modest.
          maxWorkers: 2,
        },
      },
    ],
  },
});
