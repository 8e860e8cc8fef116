import { diffWordsWithSpace } from "diff";
import { htmlToText } from "@/lib/templates/html";

export type TextChange = { text: string; kind: "same" | "added" | "removed" };

/** What changed between two versions of a template, word by word, on their plain text. */
export function diffTemplateVersions(before: string, after: string): TextChange[] {
  return diffWordsWithSpace(htmlToText(before), htmlToText(after)).map((part) => ({
    text: part.value,
    kind: part.added ? "added" : part.removed ? "removed" : "same",
  }));
}
