import type { Metadata, Viewport } from "next";
import { NavigationProgress } from "@/components/ui/navigation-progress";
import { RouteFocus } from "@/components/ui/route-focus";
import { assetUrl } from "@/lib/assets";
import "./globals.css";

// Every page depends on who is signed in and on live data: nothing is prerendered at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "ShootQ", template: "%s · ShootQ" },
  description: "Studio management for professional photographers.",
  // The manifest (app/manifest.ts) is linked by Next.js; these are for browsers that read only tags.
  icons: {
    icon: [{ url: assetUrl("/logo.svg"), type: "image/svg+xml" }],
    apple: [{ url: assetUrl("/icons/apple-touch-icon.png"), sizes: "180x180" }],
  },
  appleWebApp: { capable: true, title: "ShootQ", statusBarStyle: "default" },
};

export const viewport: Viewport = { themeColor: "#4f5bd5" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <RouteFocus />
        <NavigationProgress />
        <a
          href="#main"
          className="sr-only rounded-md bg-white px-4 py-2 text-sm font-medium text-brand-700 shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50"
        >
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
