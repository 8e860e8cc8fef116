import { z } from "zod";
import { email, optionalPhone, personName } from "@/lib/fields";

export const contactSchema = z.object({ name: personName, email, phone: optionalPhone });
export type ContactInput = z.infer<typeof contactSchema>;
