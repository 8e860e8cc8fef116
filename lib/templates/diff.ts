import { diffArrays } from "diff";
import { htmlToText } from "@/lib/templates/html";

export type TextChange = { text: string; kind: "same" | "added" | "removed" };

// Whole words (split on whitespace only): a changed "non-refundable." shows as one word, not as
// the library's word-and-punctuation pieces.
const words = (text: string) => text.split(/(\s+)/).filter(Boolean);

/** What changed between two versions of a template, word by word, on their plain text. */
export function diffTemplateVersions(before: string, after: string): TextChange[] {
  return diffArrays(words(htmlToText(before)), words(htmlToText(after))).map((part) => ({
    text: part.value.join(""),
    kind: part.added ? "added" : part.removed ? "removed" : "same",
  }));
}
