import { z } from "zod";
import { recordId } from "@/lib/fields";

export const markNotificationReadSchema = z.object({ notificationId: recordId });
export const markAllNotificationsReadSchema = z.object({});
