import "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    database: { primaryUrl: string; replicaUrls: string[]; adminUrl: string; dir: string };
  }
}
