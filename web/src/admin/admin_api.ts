// What the admin screens need beyond api.ts's `call`: a change sent with If-Match (the API's
// optimistic concurrency: 412 when the record moved on since it was read), and a CSV upload
// with progress (XMLHttpRequest, whose upload events fetch does not have). Both use the same
// token and turn problems into ApiError like `call`.
import { ApiError, call, FieldError, storedToken } from "../api";

// An import problem: the file's line and column (1-based; 0 for none) beside the usual fields.
export interface RowError extends FieldError {
  line: number;
  column: number;
}

export interface ImportResult {
  kind: string;
  imported: number;
}

// The problem of a response, as ApiError. A 401 sends the application back to sign-in the way
// `call` does (by asking it who is signed in, which fails the same way).
function problemOf(status: number, text: string): ApiError {
  let problem: { code?: string; detail?: string; title?: string; errors?: FieldError[] } = {};
  try {
    problem = text ? JSON.parse(text) : {};
  } catch {
    // not a problem document (a proxy's page): the status says enough
  }
  if (status === 401) void call("GET", "/api/v1/me").catch(() => {});
  return new ApiError(
    status,
    problem.code ?? "unknown",
    problem.detail || problem.title || `HTTP ${status}`,
    problem.errors ?? [],
  );
}

function headers(): Record<string, string> {
  const h: Record<string, string> = { Accept: "application/json" };
  const token = storedToken();
  if (token) h.Authorization = `Bearer ${token}`;
  return h;
}

// PATCH `path` with `body`, only if the record is still at `version`.
export async function patchVersioned<T>(path: string, body: unknown, version: number): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: "PATCH",
      headers: { ...headers(), "Content-Type": "application/json", "If-Match": `"${version}"` },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, "network", "Ordo cannot be reached; check the connection and retry.");
  }
  const text = await response.text();
  if (!response.ok) throw problemOf(response.status, text);
  return JSON.parse(text) as T;
}

// Whether `e` says that someone else changed the record first (412 from If-Match, or 409).
export function isStale(e: unknown): boolean {
  return e instanceof ApiError && (e.code === "precondition_failed" || e.code === "conflict");
}

// POST the file to /api/v1/imports/{kind} as text/csv, reporting the share sent (0 to 1).
export function uploadCsv(kind: string, file: Blob, onProgress: (sent: number) => void): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1/imports/${encodeURIComponent(kind)}`);
    for (const [name, value] of Object.entries(headers())) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader("Content-Type", "text/csv; charset=utf-8");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(JSON.parse(xhr.responseText) as ImportResult);
      } else {
        reject(problemOf(xhr.status, xhr.responseText));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, "network", "Ordo cannot be reached; check the connection and retry."));
    xhr.send(file);
  });
}
