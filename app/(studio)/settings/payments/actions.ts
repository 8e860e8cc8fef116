"use server";

import { defineAction } from "@/lib/actions";
import { createScheduleTemplate, deleteScheduleTemplate, setDefaultScheduleTemplate } from "@/lib/schedules/mutations";
import { createScheduleTemplateSchema, scheduleTemplateIdSchema } from "@/lib/schedules/schemas";
import { updatePaymentSettings } from "@/lib/studios/mutations";
import { updatePaymentSettingsSchema } from "@/lib/studios/schemas";

const PAGE = ["/settings/payments"];
/** Schedules also show in every invoice form: a job's new invoice and a draft's edit page. */
const SCHEDULE_PAGES = [...PAGE, "/invoices", "/jobs"];

export const updatePaymentSettingsAction = defineAction({
  access: "owner",
  schema: updatePaymentSettingsSchema,
  async run({ tx, input, user }) {
    await updatePaymentSettings(tx, { studioId: user.studioId, input });
    return { revalidate: PAGE, message: "Payment settings saved." };
  },
});

export const createScheduleTemplateAction = defineAction({
  access: "owner",
  schema: createScheduleTemplateSchema,
  async run({ tx, input, user }) {
    await createScheduleTemplate(tx, { studioId: user.studioId, input });
    return { revalidate: SCHEDULE_PAGES, flash: `Payment schedule "${input.name}" saved.` };
  },
});

export const setDefaultScheduleTemplateAction = defineAction({
  access: "owner",
  schema: scheduleTemplateIdSchema,
  async run({ tx, input, user }) {
    await setDefaultScheduleTemplate(tx, { studioId: user.studioId, templateId: input.templateId });
    return { revalidate: SCHEDULE_PAGES, message: "Default schedule changed." };
  },
});

export const deleteScheduleTemplateAction = defineAction({
  access: "owner",
  schema: scheduleTemplateIdSchema,
  async run({ tx, input, user }) {
    await deleteScheduleTemplate(tx, { studioId: user.studioId, templateId: input.templateId });
    return { revalidate: SCHEDULE_PAGES, flash: "Payment schedule deleted." };
  },
});
