/**
 * A browser-like HTTP client for integration tests: keeps cookies, signs in through next-auth's
 * credentials endpoint, and never follows redirects silently.
 */
export class HttpSession {
  private cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  setCookie(name: string, value: string) {
    this.cookies.set(name, value);
  }

  getCookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const res = await this.send(path, init);
    this.absorb(res);
    return res;
  }

  /** A request with this session's cookies whose answer does not change them (see `absorb`). */
  send(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size && !headers.has("cookie")) headers.set("cookie", this.cookieHeader());
    return fetch(new URL(path, this.baseUrl), { ...init, headers, redirect: "manual" });
  }

  /** Applies an answer's Set-Cookie headers, as a browser does when the answer arrives. */
  absorb(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      const name = pair.slice(0, i);
      const value = pair.slice(i + 1);
      if (value === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async signIn(email: string, password: string): Promise<void> {
    const csrf = (await (await this.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken: csrf.csrfToken, email, password, json: "true" }),
    });
    if (![200, 302].includes(res.status) || !this.cookieHeader().includes("next-auth.session-token")) {
      throw new Error(`sign-in failed for ${email}: HTTP ${res.status} ${res.headers.get("location") ?? ""}`);
    }
  }

  async getText(path: string): Promise<{ status: number; text: string; reads: string | null }> {
    const res = await this.fetch(path);
    return { status: res.status, text: await res.text(), reads: res.headers.get("x-shootq-reads") };
  }

  async postJson(
    path: string,
    body: unknown,
    method = "POST",
  ): Promise<{ status: number; json: Record<string, unknown> }> {
    const res = await this.fetch(path, {
      method,
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json().catch(() => ({}))) as Record<string, unknown> };
  }
}
