// A 412 from the API means someone else changed the record since this screen read it (a failed
// If-Match): the screen's data is stale and the change was not made. A 409 means the change
// cannot be made to the record as it is (a hold already released, an order on a pick list, a
// name already taken): often because someone else moved it on meanwhile, but not always, so it
// is said as the server's reason, not as a stale screen. ConflictNotice says which and offers
// to reload the record; every screen that writes shows it for the error its write got (the
// warehouse's, receivables' and admin screens), and shows any other error its own way:
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
  const { status, message } = error as ApiError;
  return (
    <div class="conflict" role="alert">
      {status === 412 ? (
        <p>
          <strong>This changed since you loaded it.</strong> Someone else changed this {what} while you had it open
          {message ? ` (${message})` : ""}, so your change was not made.
          {onReload ? " Reload it to see the current version, then try again." : ""}
        </p>
      ) : (
        <p>
          <strong>This could not be done:</strong> {message || `the ${what} does not allow it now`}. Nothing was changed.
          {onReload ? ` If someone else changed this ${what} meanwhile, reload it to see it as it is now.` : ""}
        </p>
      )}
      {onReload && (
        <button type="button" onClick={onReload}>
          Reload the {reloads}
        </button>
      )}
    </div>
  );
}
