import { HONEYPOT_FIELD } from "@/lib/inquiries/schemas";
import { escapeHtml } from "@/lib/templates/html";
import { inquiryEndpointUrl } from "@/lib/urls";

/**
 * HTML a photographer pastes into their own website: a plain form that posts to
 * /api/inquiries/<slug> and shows the answer in place. Multipart posts need no CORS preflight;
 * the endpoint answers with CORS headers so the script can read the JSON.
 */
export function inquiryEmbedSnippet({
  origin,
  slug,
  brandId,
}: {
  origin: string;
  slug: string;
  brandId?: string;
}): string {
  const action = inquiryEndpointUrl(origin, slug);
  const field = (name: string, label: string, input: string) =>
    `  <p><label>${label}<br>${input}</label><small data-error-for="${name}" style="color:#b91c1c"></small></p>`;
  return [
    `<form class="shootq-inquiry" method="post" action="${escapeHtml(action)}">`,
    field("name", "Your name", `<input name="name" required maxlength="120" autocomplete="name">`),
    field("email", "Email", `<input name="email" type="email" required maxlength="254" autocomplete="email">`),
    field("phone", "Phone", `<input name="phone" type="tel" maxlength="40" autocomplete="tel">`),
    field(
      "eventType",
      "Type of event",
      `<input name="eventType" required maxlength="40" list="shootq-types" placeholder="wedding, portrait, event…">`,
    ),
    `  <datalist id="shootq-types"><option value="wedding"><option value="portrait"><option value="event"><option value="commercial"></datalist>`,
    field("eventDate", "Event date", `<input name="eventDate" type="date">`),
    field("message", "Message", `<textarea name="message" rows="4" maxlength="2000"></textarea>`),
    brandId ? `  <input type="hidden" name="brandId" value="${escapeHtml(brandId)}">` : null,
    `  <p style="position:absolute;left:-10000px" aria-hidden="true"><label>Leave this empty<input name="${HONEYPOT_FIELD}" tabindex="-1" autocomplete="off"></label></p>`,
    `  <p><button type="submit">Send inquiry</button></p>`,
    `  <p class="shootq-inquiry-status" role="status"></p>`,
    `</form>`,
    `<script>`,
    `document.querySelectorAll("form.shootq-inquiry").forEach(function (form) {`,
    `  if (form.dataset.ready) return; form.dataset.ready = "1";`,
    `  form.addEventListener("submit", function (e) {`,
    `    e.preventDefault();`,
    `    var status = form.querySelector(".shootq-inquiry-status");`,
    `    form.querySelectorAll("[data-error-for]").forEach(function (el) { el.textContent = ""; });`,
    `    status.textContent = "Sending…";`,
    `    fetch(form.action, { method: "POST", body: new FormData(form) })`,
    `      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })`,
    `      .then(function (res) {`,
    `        if (res.ok) { form.reset(); status.textContent = res.body.message; return; }`,
    `        status.textContent = res.body.error || "Something went wrong. Please try again.";`,
    `        Object.keys(res.body.fieldErrors || {}).forEach(function (name) {`,
    `          var el = form.querySelector('[data-error-for="' + name + '"]');`,
    `          if (el) el.textContent = res.body.fieldErrors[name].join(" ");`,
    `        });`,
    `      })`,
    `      .catch(function () { status.textContent = "Something went wrong. Please try again."; });`,
    `  });`,
    `});`,
    `</script>`,
  ]
    .filter((line): line is string => line !== null)
    .join("\n");
}
