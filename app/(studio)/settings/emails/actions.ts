"use server";

import { defineAction } from "@/lib/actions";
import { EDITABLE_EMAILS, emailSettingsPath } from "@/lib/email-templates/editable";
import { saveEmailTemplate, sendEmailTemplateTest } from "@/lib/email-templates/mutations";
import { saveEmailTemplateSchema, testEmailTemplateSchema } from "@/lib/email-templates/schemas";

export const saveEmailTemplateAction = defineAction({
  access: "owner",
  schema: saveEmailTemplateSchema,
  async run({ tx, input, user }) {
    const { isEnabled } = await saveEmailTemplate(tx, { studioId: user.studioId, input });
    const email = EDITABLE_EMAILS[input.kind];
    const title = email.noun.charAt(0).toUpperCase() + email.noun.slice(1);
    return {
      revalidate: [emailSettingsPath(email.slug)],
      message: isEnabled ? `${title} saved.` : `${title} saved and turned off.`,
    };
  },
});

export const sendEmailTemplateTestAction = defineAction({
  access: "owner",
  schema: testEmailTemplateSchema,
  async run({ tx, input, user }) {
    const to = await sendEmailTemplateTest(tx, { studioId: user.studioId, userId: user.id, input });
    return {
      // The test is in the studio's email list at once.
      revalidate: ["/emails"],
      keepValues: true,
      message: `A test is on its way to ${to}, with example values. Nothing was saved.`,
    };
  },
});
