// Runs in the browser before the app hydrates (Next.js file convention).
import { config } from "zod";

// Zod compiles object schemas with `new Function` when the page allows eval, and probes for it
// when the first schema is built. Our Content-Security-Policy forbids eval (lib/security-headers.ts),
// so the probe is reported as a violation on every page whose client components import a schema
// module. Schemas in the browser only carry labels and field helpers: skip the compiler there.
config({ jitless: true });
