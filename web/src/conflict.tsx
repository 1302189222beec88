// A 409 or 412 from the API means someone else changed the record since this screen read it
// (a version conflict, a changed order, a failed If-Match): the screen's data is stale and the
// change was not made. ConflictNotice says so and offers to reload the record; any screen that
// writes can show it for the error its write got:
//
//   const [error, setError] = useState<ApiError | null>(null);
//   …catch (e) { setError(e as ApiError); }
//   <ConflictNotice error={error} onReload={() => { setError(null); void load(); }} />
//
// It renders nothing for any other error, so the screen shows those its own way.
import { ApiError } from "./api";

export function isConflict(error: unknown): error is ApiError {
  return error instanceof ApiError && (error.status === 409 || error.status === 412);
}

export function ConflictNotice({ error, onReload }: { error: unknown; onReload: () => void }) {
  if (!isConflict(error)) return null;
  return (
    <div class="conflict" role="alert">
      <p>
        Someone else changed this record while you had it open, so your change was not made
        {error.message ? ` (${error.message})` : ""}. Reload it to see the current version, then try again.
      </p>
      <button type="button" onClick={onReload}>
        Reload the record
      </button>
    </div>
  );
}
