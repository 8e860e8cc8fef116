import Image from "next/image";
import { BrandPicker } from "@/components/studio/brand-picker";
import { NavLink } from "@/components/studio/nav-link";
import { SignOutButton } from "@/components/studio/sign-out-button";
import { assetUrl } from "@/lib/assets";
import { requireStudioContext } from "@/lib/auth/context";
import { getAppSession } from "@/lib/session";
import { FlashMessage } from "@/components/ui/flash-message";
import { chooseBrandAction, clearFlashAction } from "./actions";

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
  const { user, studio, brandId } = await requireStudioContext();
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
            <BrandPicker brands={studio.brands} selected={brandId} action={chooseBrandAction} />
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
        <FlashMessage flash={flash} clear={clearFlashAction} />
        {children}
      </main>
    </div>
  );
}
