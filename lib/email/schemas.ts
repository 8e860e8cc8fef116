import { z } from "zod";
import { recordId } from "@/lib/fields";

export const retryEmailSchema = z.object({ emailId: recordId });
