import { exportEverythingResponse } from "@/lib/exports/respond";

export const GET = () => exportEverythingResponse();
