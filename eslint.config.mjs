import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "prisma/generated/**",
      "node_modules/**",
      ".data/**",
      "scripts/tmp/**",
      "test-results/**",
      "playwright-report/**",
    ],
  },
  // Playwright fixtures call `use`, which is not React's hook.
  { files: ["e2e/**"], rules: { "react-hooks/rules-of-hooks": "off" } },
  { files: ["**/*.config.*", "scripts/db/prisma6.config.ts"], rules: { "import/no-anonymous-default-export": "off" } },
];

export default config;
