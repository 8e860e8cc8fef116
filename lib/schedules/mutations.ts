import { type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { type CreateScheduleTemplateInput } from "@/lib/schedules/schemas";

type Tenant = { studioId: string };

/** At most one default per studio: choosing one clears the others in the same transaction. */
async function makeDefault(tx: Tx, { studioId, templateId }: Tenant & { templateId: string }) {
  await tx.paymentScheduleTemplate.updateMany({
    where: { studioId, isDefault: true, id: { not: templateId } },
    data: { isDefault: false },
  });
  await tx.paymentScheduleTemplate.updateMany({ where: { studioId, id: templateId }, data: { isDefault: true } });
}

export async function createScheduleTemplate(
  tx: Tx,
  { studioId, input }: Tenant & { input: CreateScheduleTemplateInput },
) {
  const taken = await tx.paymentScheduleTemplate.findFirst({
    where: { studioId, name: input.name },
    select: { id: true },
  });
  if (taken)
    throw new AppError("CONFLICT", "Please correct the highlighted fields.", {
      name: ["A schedule with this name exists. Choose another name."],
    });
  // The steps are their own insert, not a nested create: Prisma reads a row back by its id alone
  // after nested writes, and every statement names the studio.
  const template = await tx.paymentScheduleTemplate.create({
    data: { studioId, name: input.name },
    select: { id: true },
  });
  await tx.paymentScheduleStep.createMany({
    data: input.steps.map((s, position) => ({
      studioId,
      templateId: template.id,
      position,
      label: s.label,
      amount: s.amount,
      percentBps: s.percentBps ?? null,
      fixedMinor: s.fixedMinor ?? null,
      anchor: s.anchor,
      offsetDays: s.offsetDays,
    })),
  });
  if (input.isDefault) await makeDefault(tx, { studioId, templateId: template.id });
  return template;
}

export async function setDefaultScheduleTemplate(tx: Tx, { studioId, templateId }: Tenant & { templateId: string }) {
  const template = await tx.paymentScheduleTemplate.findFirst({
    where: { id: templateId, studioId },
    select: { id: true },
  });
  if (!template) throw notFound("That schedule");
  await makeDefault(tx, { studioId, templateId: template.id });
}

/** Deleting a schedule leaves invoices already planned with it as they are. */
export async function deleteScheduleTemplate(tx: Tx, { studioId, templateId }: Tenant & { templateId: string }) {
  const { count } = await tx.paymentScheduleTemplate.deleteMany({ where: { id: templateId, studioId } });
  if (count === 0) throw notFound("That schedule");
}
