import { z } from "zod";

// PATCH bodies are the UI form's own fields, each optional: a field left out keeps its value, an
// empty one clears it (as an emptied form field does). A field the form does not have is refused
// with a pointer to it instead of being ignored, so a typo never looks like a saved change.

const NOT_A_FIELD = "This field does not exist here or cannot be changed through the API.";

/**
 * The schema, refusing any other field with an error at that field (a strict object reports them
 * on the object itself, where no field pointer can show them). Its type stays the schema's own.
 */
export function onlyKnownFields<S extends z.ZodObject>(schema: S): S {
  return schema
    .catchall(z.unknown())
    .superRefine((value, ctx) => {
      for (const key of Object.keys(value))
        if (!(key in schema.shape)) ctx.addIssue({ code: "custom", path: [key], message: NOT_A_FIELD });
    })
    .meta({ override: { additionalProperties: false } }) as unknown as S;
}

export function patchSchema<T extends z.ZodRawShape>(shape: T) {
  return onlyKnownFields(z.object(shape).partial());
}

/** The fields a PATCH sent (zod leaves the ones it did not send undefined). */
export function sentFields<T extends Record<string, unknown>>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<T>;
}
