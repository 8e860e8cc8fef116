// Vitest runs server modules outside Next.js; "server-only" has nothing to guard there.
export {};
