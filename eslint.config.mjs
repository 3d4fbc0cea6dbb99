import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", "drizzle/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Server code logs through src/server/log (levels, request and run ids), never the console.
    files: ["src/server/**", "src/app/api/**", "src/trigger/**", "instrumentation.ts"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: { "no-console": "error" },
  },
  {
    // Tests read loosely typed JSON answers.
    files: ["tests/**", "**/*.test.ts", "**/*.test.tsx", "bench/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
];
export default config;
