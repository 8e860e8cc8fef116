import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", "prisma/generated/**", "node_modules/**", ".data/**", "scripts/tmp/**", "test-results/**", "playwright-report/**"] },
];
