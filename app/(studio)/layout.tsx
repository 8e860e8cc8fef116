import Image from "next/image";
import { notFound } from "next/navigation";
import { BrandPicker } from "@/components/studio/brand-picker";
import { NavLink } from "@/components/studio/nav-link";
import { SignOutButton } from "@/components/studio/sign-out-button";
import { assetUrl } from "@/lib/assets";
import { requireStudioUser } from "@/lib/auth/guards";
import { selectedBrandId } from "@/lib/brands/filter";
import { readDb } from "@/lib/db";
import { findStudioShell } from "@/lib/studios/queries";
import { getAppSession } from "@/lib/session";
import { FlashMessage } from "@/components/ui/flash-message";
import { chooseBrand, clearFlash } from "./actions";

const STUDIO_NAV = [
  ["/dashboard", "Dashboard"],
  ["/leads", "Leads"],
  ["/jobs", "Jobs"],
  ["/bookings", "Bookings"],
  ["/calendar", "Calendar"],
  ["/tasks", "Tasks"],
  ["/questionnaires", "Questionnaires"],
  ["/workflows", "Workflows"],
  ["/referrals", "Referrals"],
  ["/emails", "Emails"],
  ["/settings", "Settings"],
] as const;

export default async function StudioLayout({ children }: { children: React.ReactNode }) {
  const user = await requireStudioUser();
  const studio = await findStudioShell(await readDb(), { studioId: user.studioId });
  if (!studio) notFound();
  const brandId = await selectedBrandId(studio.brands);
  const { flash } = await getAppSession();
  return (
    <div className="min-h-screen">
      <header className="bg-slate-900">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-4 px-4 py-3">
          <div className="flex items-center gap-6">
            <span className="flex items-center gap-2 text-lg font-bold text-white">
              <Image src={assetUrl("/logo.svg")} alt="" width={28} height={28} unoptimized priority />
              ShootQ
            </span>
            <span className="text-sm text-slate-300" data-testid="studio-name">
              {studio.name}
            </span>
          </div>
          <div className="flex items-center gap-4">
            <BrandPicker brands={studio.brands} selected={brandId} action={chooseBrand} />
            <span className="text-sm text-slate-300">{user.name}</span>
            <SignOutButton />
          </div>
        </div>
        <nav aria-label="Studio" className="mx-auto flex max-w-7xl gap-1 overflow-x-auto px-4 pb-2">
          {STUDIO_NAV.map(([href, label]) => (
            <NavLink key={href} href={href}>
              {label}
            </NavLink>
          ))}
        </nav>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-8">
        <FlashMessage flash={flash} clear={clearFlash} />
        {children}
      </main>
    </div>
  );
}
