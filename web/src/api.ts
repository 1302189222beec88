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
}

// Called when the server no longer accepts the token (expired or revoked): the application
// returns to the login page and keeps the page the user was on.
let onUnauthenticated: () => void = () => {};
export function whenUnauthenticated(callback: () => void): void {
  onUnauthenticated = callback;
}

export async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  const token = storedToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, "network", "Ordo cannot be reached; check the connection and retry.");
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const problem = parsed ?? {};
    if (response.status === 401 && path !== "/api/v1/auth/token") onUnauthenticated();
    throw new ApiError(
      response.status,
      problem.code ?? "unknown",
      problem.detail || problem.title || `HTTP ${response.status}`,
      problem.errors ?? [],
    );
  }
  return parsed as T;
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
