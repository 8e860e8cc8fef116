import { type NextRequest } from "next/server";
import { exportListResponse } from "@/lib/exports/respond";

export const GET = (request: NextRequest) => exportListResponse("invoices", request);
