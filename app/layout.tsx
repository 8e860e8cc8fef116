import type { Metadata } from "next";
import "./globals.css";

// Every page depends on who is signed in and on live data: nothing is prerendered at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "ShootQ", template: "%s · ShootQ" },
  description: "Studio management for professional photographers.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
