// What the admin screens need beyond api.ts's `call`: a change sent with If-Match (the API's
// optimistic concurrency: 412 when the record moved on since it was read), and a CSV upload
// with progress (XMLHttpRequest, whose upload events fetch does not have). Both use the same
// token and turn problems into ApiError like `call`.
import { ApiError, call, FieldError, problemOf, storedToken, unauthenticated } from "../api";

// An import problem: the file's line and column (1-based; 0 for none) beside the usual fields.
export interface RowError extends FieldError {
  line: number;
  column: number;
}

export interface ImportResult {
  kind: string;
  imported: number;
}

// The problem of an upload's answer, as ApiError; a 401 returns to sign-in as `call` does.
function uploadProblem(status: number, text: string): ApiError {
  let problem: unknown;
  try {
    problem = text ? JSON.parse(text) : undefined;
  } catch {
    // not a problem document (a proxy's page): the status says enough
  }
  if (status === 401) unauthenticated();
  return problemOf(status, problem);
}

// PATCH `path` with `body`, only if the record is still at `version`.
export function patchVersioned<T>(path: string, body: unknown, version: number): Promise<T> {
  return call<T>("PATCH", path, body, { headers: { "If-Match": `"${version}"` } });
}

// POST the file to /api/v1/imports/{kind} as text/csv, reporting the share sent (0 to 1).
export function uploadCsv(kind: string, file: Blob, onProgress: (sent: number) => void): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1/imports/${encodeURIComponent(kind)}`);
    xhr.setRequestHeader("Accept", "application/json");
    const token = storedToken();
    if (token) xhr.setRequestHeader("Authorization", `Bearer ${token}`);
    xhr.setRequestHeader("Content-Type", "text/csv; charset=utf-8");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(JSON.parse(xhr.responseText) as ImportResult);
      } else {
        reject(uploadProblem(xhr.status, xhr.responseText));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, "network", "Ordo cannot be reached; check the connection and retry."));
    xhr.send(file);
  });
}
