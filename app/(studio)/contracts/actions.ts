"use server";

import { defineAction } from "@/lib/actions";
import { createContractTemplate, updateContractSettings, updateContractTemplate } from "@/lib/contracts/mutations";
import {
  createContractTemplateSchema,
  updateContractSettingsSchema,
  updateContractTemplateSchema,
} from "@/lib/contracts/schemas";

// Job pages offer the templates ("New contract"), hence "/jobs" with the template pages.
export const createContractTemplateAction = defineAction({
  access: "studio",
  schema: createContractTemplateSchema,
  async run({ tx, input, user }) {
    const { id } = await createContractTemplate(tx, { studioId: user.studioId, authorId: user.id, input });
    return { revalidate: ["/contracts", `/contracts/${id}`, "/jobs"], redirectTo: `/contracts/${id}` };
  },
});

export const updateContractTemplateAction = defineAction({
  access: "studio",
  schema: updateContractTemplateSchema,
  async run({ tx, input, user }) {
    const { id, version, isNewVersion } = await updateContractTemplate(tx, {
      studioId: user.studioId,
      authorId: user.id,
      input,
    });
    return {
      revalidate: ["/contracts", `/contracts/${id}`, "/jobs"],
      message: isNewVersion
        ? `Saved as version ${version}. Contracts already made keep the text they were made with.`
        : "Saved. The text did not change, so no new version was made.",
    };
  },
});

export const updateContractSettingsAction = defineAction({
  access: "owner",
  schema: updateContractSettingsSchema,
  async run({ tx, input, user }) {
    await updateContractSettings(tx, { studioId: user.studioId, ...input });
    // The reminder days decide what the dashboard's What's Next lists.
    return { revalidate: ["/contracts", "/dashboard"], message: "Contract settings saved." };
  },
});
