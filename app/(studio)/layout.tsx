import Image from "next/image";
import { AppShell } from "@/components/studio/app-shell";
import { HeaderSearch } from "@/components/studio/header-search";
import { NEW_MENU, STUDIO_NAV } from "@/components/studio/nav";
import { NewMenu } from "@/components/studio/new-menu";
import { assetUrl } from "@/lib/assets";
import { requireStudioContext } from "@/lib/auth/context";
import { readFlashes } from "@/lib/session";
import { FlashMessage } from "@/components/ui/flash-message";
import { BrandPicker } from "./_components/brand-picker";
import { chooseBrandAction, clearFlashAction } from "./actions";

export default async function StudioLayout({ children }: { children: React.ReactNode }) {
  const { user, studio, brandId } = await requireStudioContext();
  const flashes = await readFlashes();
  return (
    <AppShell
      width="max-w-7xl"
      brand={
        <div className="flex items-center gap-6">
          <span className="flex items-center gap-2 text-lg font-bold text-white">
            <Image src={assetUrl("/logo.svg")} alt="" width={28} height={28} unoptimized priority />
            ShootQ
          </span>
          <span className="text-sm text-slate-300" data-testid="studio-name">
            {studio.name}
          </span>
        </div>
      }
      tools={
        <>
          <HeaderSearch />
          <NewMenu items={NEW_MENU} />
          <BrandPicker brands={studio.brands} selected={brandId} action={chooseBrandAction} />
        </>
      }
      userName={user.name}
      navLabel="Studio"
      nav={STUDIO_NAV}
    >
      <FlashMessage flashes={flashes} clear={clearFlashAction} />
      {children}
    </AppShell>
  );
}
