// A button that opens a document of the API (an invoice, a packing slip, a statement: PDFs) in
// a new tab: the document is fetched with the token and shown through an object URL, since a
// plain link would carry no token. A refusal is shown beside the button, never swallowed.
import { useState } from "preact/hooks";
import { ApiError, fetchDocument } from "./api";

export function DocumentLink({ path, label, filename }: { path: string; label: string; filename: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function open() {
    setBusy(true);
    setError(null);
    // Opened before the fetch, inside the click, so that a popup blocker lets it through.
    const tab = window.open("", "_blank");
    try {
      const url = URL.createObjectURL(await fetchDocument(path));
      if (tab) tab.location.href = url;
      else {
        const a = document.createElement("a");
        a.href = url;
        a.download = filename;
        a.click();
      }
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      tab?.close();
      setError((e as ApiError).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <span class="document-link">
      <button type="button" class="secondary" disabled={busy} onClick={() => void open()}>
        {label}
      </button>
      {error && (
        <span role="alert" class="error">
          {" "}
          {error}
        </span>
      )}
    </span>
  );
}
