// A 409 or 412 from the API means someone else changed the record since this screen read it
// (a version conflict, a changed order, a failed If-Match): the screen's data is stale and the
// change was not made. ConflictNotice says so and offers to reload the record; every screen
// that writes shows it for the error its write got (the warehouse's, receivables' and admin
// screens), and shows any other error its own way:
//
//   const [error, setError] = useState<ApiError | null>(null);
//   …catch (e) { setError(e as ApiError); }
//   <ConflictNotice error={error} what="pick list" onReload={() => { setError(null); void load(); }} />
//
// It renders nothing for any other error.
import { ApiError } from "./api";

export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 409 || error.status === 412);
}

// `what` names the record ("pick list"); the button reloads it, or `reloads` where the screen
// reloads more than the record (the queue it is in). Without onReload there is no button.
export function ConflictNotice({
  error,
  what = "record",
  reloads = what,
  onReload,
}: {
  error: unknown;
  what?: string;
  reloads?: string;
  onReload?: () => void;
}) {
  if (!isConflict(error)) return null;
  const message = (error as ApiError).message;
  return (
    <div class="conflict" role="alert">
      <p>
        <strong>This changed since you loaded it.</strong> Someone else changed this {what} while you had it open
        {message ? ` (${message})` : ""}, so your change was not made.
        {onReload ? " Reload it to see the current version, then try again." : ""}
      </p>
      {onReload && (
        <button type="button" onClick={onReload}>
          Reload the {reloads}
        </button>
      )}
    </div>
  );
}
