import type { MetadataRoute } from "next";
import { assetUrl } from "@/lib/assets";

// Like every page, rendered on request: nothing a node keeps from the build could go stale
// between nodes (e2e/cluster/disruptions.spec.ts checks that no node holds a prerendered body).
export const dynamic = "force-dynamic";

/**
 * The web app manifest (/manifest.webmanifest): a photographer can add ShootQ to a phone's home
 * screen and open it like an app, straight on their dashboard. The icons are files in public/
 * drawn by `scripts/icons.ts`, served by nginx under their content stamp.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/dashboard",
    name: "ShootQ",
    short_name: "ShootQ",
    description: "Studio management for professional photographers.",
    start_url: "/dashboard",
    scope: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#4f5bd5",
    icons: [
      { src: assetUrl("/icons/icon-192.png"), sizes: "192x192", type: "image/png", purpose: "any" },
      { src: assetUrl("/icons/icon-512.png"), sizes: "512x512", type: "image/png", purpose: "any" },
      { src: assetUrl("/icons/maskable-512.png"), sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
    shortcuts: [
      { name: "New lead", url: "/leads/new" },
      { name: "Calendar", url: "/calendar" },
    ],
  };
}
