import "server-only";
import { Readable } from "node:stream";
import { type NextRequest } from "next/server";
import { requireOwnerContext, requireStudioContext } from "@/lib/auth/context";
import { exportArchive } from "@/lib/exports/archive";
import { type ExportContext, exportFileName } from "@/lib/exports/csv";
import { EXPORT_LISTS, type ExportName } from "@/lib/exports/lists";
import { type SearchParams } from "@/lib/search-params";

type StudioContext = Awaited<ReturnType<typeof requireStudioContext>>;

// The tenant and the brand filter come from the session and its cookie, as on the list pages.
function exportContextOf({ user, studio, brandId }: StudioContext): ExportContext {
  return {
    studioId: user.studioId,
    brandId,
    studioSlug: studio.slug,
    timeZone: studio.timeZone,
    currency: studio.currency,
    now: new Date(),
  };
}

function searchParamsOf(request: NextRequest): SearchParams {
  const search: SearchParams = {};
  for (const key of new Set(request.nextUrl.searchParams.keys())) {
    const values = request.nextUrl.searchParams.getAll(key);
    search[key] = values.length === 1 ? values[0] : values;
  }
  return search;
}

function download(body: Readable, type: string, fileName: string): Response {
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
    headers: {
      "content-type": type,
      "content-disposition": `attachment; filename="${fileName}"`,
      // The studio's own data: never kept by nginx or a shared cache.
      "cache-control": "private, no-store",
    },
  });
}

/** GET of one list as CSV, with the filters of the list page's URL; staff may export what they may list. */
export async function exportListResponse(name: ExportName, request: NextRequest): Promise<Response> {
  const studioContext = await requireStudioContext();
  const context = exportContextOf(studioContext);
  const csv = EXPORT_LISTS[name].csv(studioContext.db, context, searchParamsOf(request));
  return download(csv, "text/csv; charset=utf-8", exportFileName(context, name, "csv"));
}

/** GET of every list and a README as one ZIP: owners only (staff get a 404, like the owner's settings). */
export async function exportEverythingResponse(): Promise<Response> {
  const studioContext = await requireOwnerContext();
  // The whole studio, whichever brand the header's filter shows.
  const context = { ...exportContextOf(studioContext), brandId: undefined };
  return download(
    exportArchive(studioContext.db, context),
    "application/zip",
    exportFileName(context, "export", "zip"),
  );
}
