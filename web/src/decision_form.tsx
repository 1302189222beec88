// The one form that decides on a held order with a note: releasing a credit hold
// (#/credit-holds) and approving or rejecting an approval (#/approvals). The note has focus;
// Enter submits and Shift+Enter makes a new line; Escape closes. A problem with the note is said
// at the note; the server's own_order refusal (nobody decides on an order they entered or
// changed) is said in words; any other problem (a 409 when someone decided first among them)
// through the shared notice, which offers to reload.
import { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError } from "./api";
import { asApiError, FieldProblem, fieldMessage, Problem } from "./receivables/common";

export function DecisionForm({
  id,
  noteId,
  title,
  children,
  noteLabel,
  submitLabel,
  danger,
  ownOrder,
  decide,
  onClose,
  onDecided,
  onReload,
}: {
  id: string; // unique on the page: the title's id derives from it
  noteId: string; // the note's id (its problem is at `${noteId}-error`)
  title: string;
  children: ComponentChildren; // what the decision is about and what it does
  noteLabel: string;
  submitLabel: string;
  danger?: boolean;
  ownOrder: string; // said when the server refuses with own_order
  decide: (note: string) => Promise<string>; // resolves to what became of the order
  onClose: () => void;
  onDecided: (message: string) => void;
  onReload: () => void;
}) {
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const noteRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => noteRef.current?.focus(), []);

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      onDecided(await decide(note));
    } catch (error) {
      setProblem(asApiError(error));
    } finally {
      setBusy(false);
    }
  }

  const own = problem?.errors.find((e) => e.code === "own_order");
  const noteProblem = problem ? fieldMessage(problem.errors, "note") : undefined;
  return (
    <form class="panel" aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p>{children}</p>
      <label for={noteId}>{noteLabel}</label>
      <textarea
        id={noteId}
        ref={noteRef}
        rows={2}
        maxLength={500}
        value={note}
        onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && !e.shiftKey) void submit(e);
          if (e.key === "Escape") onClose();
        }}
        aria-invalid={noteProblem ? "true" : undefined}
        aria-describedby={noteProblem ? `${noteId}-error` : undefined}
      />
      <FieldProblem id={noteId} message={noteProblem} />
      {own && (
        <p class="error" role="alert">
          {ownOrder}
        </p>
      )}
      {problem && !own && !noteProblem && <Problem error={problem} onReload={onReload} />}
      <p>
        <button type="submit" disabled={busy} class={danger ? "danger" : undefined}>
          {submitLabel}
        </button>{" "}
        <button type="button" class="secondary" onClick={onClose}>
          Cancel
        </button>
      </p>
    </form>
  );
}
