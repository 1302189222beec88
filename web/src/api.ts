// The one way the application talks to Ordo: fetch on the same origin with the bearer token,
// JSON in and out, and problems (application/problem+json) turned into ApiError with the
// API's stable code and field errors, so that screens can show each problem at its field.

const TOKEN_KEY = "ordo.token";

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
  }
}

export interface User {
  id: number;
  username: string;
  roles: string[];
  customer_id: number | null;
}

// GET /api/v1/me: the user, its customer's code and the actions its roles allow.
export interface Me extends User {
  customer: string | null;
  permissions: string[];
}

export function storedToken(): string | null {
  return localStorage.getItem(TOKEN_KEY);
}

export function storeToken(token: string | null): void {
  if (token === null) localStorage.removeItem(TOKEN_KEY);
  else localStorage.setItem(TOKEN_KEY, token);
  if (token !== null) sessionOver = false;
}

// Called when the server no longer accepts the token (expired or revoked): the application
// returns to the login page and keeps the page the user was on.
let onUnauthenticated: () => void = () => {};
export function whenUnauthenticated(callback: () => void): void {
  onUnauthenticated = callback;
}

// Whether Ordo answers: every request and the event stream report what they saw, and the
// shell shows a banner while it does not (offline_banner.tsx). Listeners get each change.
let reachable = true;
const reachabilityListeners = new Set<(reachable: boolean) => void>();

export function isReachable(): boolean {
  return reachable;
}

export function reportReachable(now: boolean): void {
  if (now === reachable) return;
  reachable = now;
  reachabilityListeners.forEach((listener) => listener(now));
}

export function onReachabilityChange(listener: (reachable: boolean) => void): () => void {
  reachabilityListeners.add(listener);
  return () => reachabilityListeners.delete(listener);
}

// Waits before the next try of a read that found Ordo unreachable: 1 s, then longer, at most 5 s.
export function retryDelay(attempt: number): number {
  return Math.min(5000, 1000 * 2 ** Math.min(attempt, 3));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// A read (GET) that cannot reach Ordo is tried again until it can, while the banner says so:
// the screen shows its data once the server is back instead of an error. A write is never
// repeated here: it fails with the "network" error, and the screen offers to retry it (with
// its Idempotency-Key, a retried write is applied once).
// A key for one form's write (a draft order, a cash receipt): a double click or a retry of the
// same form sends the same key and the server applies it once (only successful answers are
// kept, so a corrected form may reuse it); a new form gets a new key. 128 random bits as hex:
// crypto.getRandomValues works over plain http too (randomUUID needs a secure context).
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

// `options.headers` adds headers (an Idempotency-Key, an If-Match); `options.signal` aborts the
// request (a typeahead's answer no longer wanted), which rejects with the AbortError.
export interface CallOptions {
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

// Signing out ends the session (endSession) before its token is revoked: the requests in
// flight are aborted, and the screens still open until the sign-in page replaces them start no
// new one, since its answer would only be refused (401). Such a call never settles: the screen
// that made it is going. Signing in (a new token stored) starts a session again.
const inFlight = new Set<AbortController>();
let sessionOver = false;

export function endSession(): void {
  sessionOver = true;
  for (const controller of inFlight) controller.abort();
  inFlight.clear();
}

export async function call<T>(method: string, path: string, body?: unknown, options: CallOptions = {}): Promise<T> {
  if (sessionOver && path !== "/api/v1/auth/token") return new Promise<T>(() => {});
  const controller = new AbortController();
  const forward = () => controller.abort();
  options.signal?.addEventListener("abort", forward);
  inFlight.add(controller);
  try {
    return await send<T>(method, path, body, options, controller.signal);
  } catch (e) {
    if (controller.signal.aborted && !options.signal?.aborted) return new Promise<T>(() => {});
    throw e;
  } finally {
    inFlight.delete(controller);
    options.signal?.removeEventListener("abort", forward);
  }
}

async function send<T>(method: string, path: string, body: unknown, options: CallOptions, signal: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json", ...options.headers };
  const token = storedToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response: Response | undefined;
  for (let attempt = 0; response === undefined; attempt++) {
    try {
      response = await fetch(path, {
        method,
        headers,
        signal,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      if (signal.aborted) throw e;
      reportReachable(false);
      if (method !== "GET") throw new ApiError(0, "network", "Ordo cannot be reached; check the connection and retry.");
      await sleep(retryDelay(attempt));
    }
  }
  reportReachable(true);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    if (response.status === 401 && path !== "/api/v1/auth/token") onUnauthenticated();
    throw problemOf(response.status, parsed);
  }
  return parsed as T;
}

// The ApiError of a refused answer whose body (application/problem+json) was parsed to
// `problem`; for requests made without call() (an upload with progress, XMLHttpRequest).
export function problemOf(status: number, problem: any): ApiError {
  const p = problem ?? {};
  return new ApiError(status, p.code ?? "unknown", p.detail || p.title || `HTTP ${status}`, p.errors ?? []);
}

// For the same requests: a 401 returns the application to sign-in as call() does.
export function unauthenticated(): void {
  onUnauthenticated();
}

// A document (a PDF) from the API as a Blob: fetched with the token, so that it can be opened
// or saved through an object URL (a plain link would carry no token).
export async function fetchDocument(path: string): Promise<Blob> {
  const headers: Record<string, string> = {};
  const token = storedToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(path, { headers });
  } catch {
    throw new ApiError(0, "network", "Ordo cannot be reached; check the connection and retry.");
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    if (response.status === 401) onUnauthenticated();
    throw new ApiError(response.status, problem.code ?? "unknown", problem.detail || problem.title || `HTTP ${response.status}`);
  }
  return await response.blob();
}
