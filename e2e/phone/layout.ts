import { expect, type Page } from "@playwright/test";

/**
 * What does not fit the screen at the page's current size: the page scrolling sideways, an
 * element whose content is cut off or scrolls sideways inside it (scrollWidth beyond
 * clientWidth), an element sticking out of the screen. One readable line each.
 */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) found.push(`the page is ${root.scrollWidth} px wide`);
    const describe = (el: Element) =>
      `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""} class="${el.getAttribute("class") ?? ""}"> "${(el.textContent ?? "").trim().slice(0, 40)}"`;
    // Screen-reader-only text (Tailwind's sr-only, here or on an ancestor) is clipped to 1 px on purpose.
    const isVisuallyHidden = (el: Element | null): boolean =>
      !!el && (getComputedStyle(el).clipPath === "inset(50%)" || isVisuallyHidden(el.parentElement));
    for (const el of document.body.querySelectorAll<HTMLElement>("*")) {
      const style = getComputedStyle(el);
      if (!el.getClientRects().length || style.visibility === "hidden") continue;
      // Text in a form control scrolls inside it by design.
      if (el.matches("input, textarea, select, option") || isVisuallyHidden(el)) continue;
      // The inquiry form's honeypot field is kept off-screen on purpose, for bots only.
      if (el.closest('[aria-hidden="true"].absolute')) continue;
      if (el.scrollWidth > el.clientWidth + 1 && style.overflowX !== "visible")
        found.push(`${describe(el)} scrolls or cuts ${el.scrollWidth - el.clientWidth} px`);
      const rect = el.getBoundingClientRect();
      if (rect.right > root.clientWidth + 1 || rect.left < -1) found.push(`${describe(el)} sticks out of the screen`);
    }
    return found;
  });
}

/** Fails when anything on the page does not fit the screen (see {@link layoutProblems}). */
export async function expectFitsTheScreen(page: Page) {
  expect(await layoutProblems(page), `${page.url()} at ${page.viewportSize()?.width} px`).toEqual([]);
}
