import "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    cluster: { primaryUrl: string; replicaUrls: string[]; adminUrl: string; dir: string };
  }
}
