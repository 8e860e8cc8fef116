import { z } from "zod";

/** A page's `searchParams` as Next.js gives them: a parameter given twice arrives as an array. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a query parameter. */
const firstParam = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

/** One query parameter for a zod schema of a page's URL. */
export const searchParam = z.preprocess(firstParam, z.string().optional());

/** A free-text query parameter: trimmed, at most 100 characters, undefined when blank. */
export const searchText = searchParam.transform((v) => v?.trim().slice(0, 100) || undefined);

/** Keyset cursors of a paged list; anything malformed reads as the first page. */
export const pageParams = { after: searchParam.catch(undefined), before: searchParam.catch(undefined) };
export const pageParamsSchema = z.object(pageParams);
