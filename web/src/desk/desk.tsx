// The order desk (#/desk): inside sales takes an order on the phone. Find the customer by code
// or name, see its credit and holds, choose the ship-to; add lines by SKU or name, each priced
// for this customer with the reason for its price and shown with its pack sizes and stock per warehouse (one
// POST /api/v1/pricing/quote for the whole draft); paste a stocking order from a spreadsheet or
// an e-mail; place it with the draft's Idempotency-Key. Keyboard alone: Enter moves from the
// SKU to the quantity and on to the next line, Ctrl+Enter places the order. Given a draft that
// revises a quote (revise_quote.tsx), it saves the quote's next version instead: no order is
// placed from it (accepting is the quote page's action).
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { ApiError, Me, call } from "../api";
import { ConflictNotice, isConflict } from "../conflict";
import { CustomerPanel } from "./customer_panel";
import { DeskHeader } from "./desk_header";
import { ItemChoice, PlacedOrder, Quote, QuoteLine, SavedQuote, lineBody, partNumbers, placeOrder, quote, saveQuote, searchItems } from "./desk_api";
import { CustomerChoice, Draft, DraftLine, addLines, discardDraft, discardRevisionDraft, loadDraft, saveDraft, sentLines } from "./draft";
import { LineProblems, LineRow } from "./line_row";
import { HeaderField, Sent, refusalOf } from "./refusal";
import { RevisionBanner, reviseQuote } from "./revision";
import { formatCents, toCents } from "./money";
import { ConfigurePanel } from "./configure";
import { isMultiLine, parsePaste } from "./paste";
import { Typeahead } from "../typeahead";

const QUOTE_DELAY_MS = 120;
const REFRESH_MS = 30000; // stock changes while the customer is on the phone

const ORDER: Sent = { what: "order", done: "placed", again: "place" };
const QUOTE: Sent = { what: "quote", done: "saved", again: "save" };

interface Priced {
  byKey: Map<number, QuoteLine>;
}

// `initial` is a draft to start from (a quote's revision) instead of the one kept in this tab;
// `onReload` loads that quote again after a conflict.
export function OrderDesk({ initial, onReload }: { initial?: Draft; onReload?: () => void } = {}) {
  const [draft, setDraft] = useState<Draft>(() => initial ?? loadDraft());
  const [conflict, setConflict] = useState<ApiError | null>(null);
  const [priced, setPriced] = useState<Priced>({ byKey: new Map() });
  const [quoteError, setQuoteError] = useState<string | null>(null);
  const [lineErrors, setLineErrors] = useState<Map<number, LineProblems>>(new Map());
  const [headerErrors, setHeaderErrors] = useState<Partial<Record<HeaderField, string>>>({});
  const [alert, setAlert] = useState<string[]>([]);
  const [placing, setPlacing] = useState(false);
  const [placed, setPlaced] = useState<PlacedOrder | null>(null);
  const [savedQuote, setSavedQuote] = useState<SavedQuote | null>(null);
  const [canQuote, setCanQuote] = useState(false);
  const [canOverride, setCanOverride] = useState(false);
  const [focusQuantity, setFocusQuantity] = useState<number | null>(null);
  const customerRef = useRef<HTMLInputElement>(null);
  const itemRef = useRef<HTMLInputElement>(null);
  const quantityInputs = useRef(new Map<number, HTMLInputElement>());
  const [configuring, setConfiguring] = useState(false);
  const placingNow = useRef(false);
  const quoteSeq = useRef(0);

  useEffect(() => saveDraft(draft), [draft]);
  useEffect(() => {
    void call<Me>("GET", "/api/v1/me").then(
      (me) => {
        setCanQuote(me.permissions.includes("quotes.write"));
        setCanOverride(me.permissions.includes("orders.override_price"));
      },
      () => setCanQuote(false),
    );
  }, []);
  useEffect(() => {
    (draft.customer ? itemRef : customerRef).current?.focus();
  }, []);

  // Prices and stock for the whole draft in one request, a moment after the last change.
  const sent = sentLines(draft);
  const quoteInput = JSON.stringify([draft.customer?.code, draft.shipTo, sent.map((l) => [l.key, l.sku, l.quantity, l.uom, l.part, l.configuration, l.price])]);
  useEffect(() => {
    if (!draft.customer || sent.length === 0) {
      setPriced({ byKey: new Map() });
      setQuoteError(null);
      return;
    }
    const customer = draft.customer.code;
    const shipTo = draft.shipTo;
    const lines = sent;
    const run = () => {
      const seq = ++quoteSeq.current;
      quote(customer, shipTo, lines)
        .then((q: Quote) => {
          if (seq !== quoteSeq.current) return;
          const byKey = new Map<number, QuoteLine>();
          q.lines.forEach((l, i) => byKey.set(lines[i].key, l));
          setPriced({ byKey });
          setQuoteError(null);
        })
        .catch((e) => seq === quoteSeq.current && setQuoteError((e as ApiError).message));
    };
    const timer = setTimeout(run, QUOTE_DELAY_MS);
    const refresh = setInterval(run, REFRESH_MS);
    return () => {
      clearTimeout(timer);
      clearInterval(refresh);
    };
  }, [quoteInput]);

  // Before the browser paints, so that the next keystroke already lands in the quantity.
  useLayoutEffect(() => {
    if (focusQuantity === null) return;
    const input = quantityInputs.current.get(focusQuantity);
    if (input) {
      input.focus();
      input.select();
    }
    setFocusQuantity(null);
  }, [focusQuantity]);

  function change(next: Draft) {
    setDraft(next);
    setPlaced(null);
    setSavedQuote(null);
  }

  function chooseCustomer(c: CustomerChoice) {
    change({ ...draft, customer: c, shipTo: c.ship_to[0]?.code ?? "" });
    setHeaderErrors({});
    itemRef.current?.focus();
  }

  function addItem(sku: string) {
    const next = addLines(draft, [{ sku, quantity: "1", uom: "" }]);
    change(next);
    setFocusQuantity(next.lines[next.lines.length - 1].key);
  }

  function updateLine(key: number, patch: Partial<DraftLine>) {
    // A SKU typed over a part number's, a configured or a manual-priced line is a line of that SKU.
    const edit = patch.sku !== undefined ? { ...patch, part: undefined, configuration: undefined, price: undefined } : patch;
    change({ ...draft, lines: draft.lines.map((l) => (l.key === key ? { ...l, ...edit } : l)) });
    if (lineErrors.has(key)) {
      const rest = new Map(lineErrors);
      rest.delete(key);
      setLineErrors(rest);
    }
  }

  function removeLine(key: number) {
    change({ ...draft, lines: draft.lines.filter((l) => l.key !== key) });
    itemRef.current?.focus();
  }

  // Rows whose first field is one of the customer's own part numbers become lines of the SKU it
  // stands for, in its unit unless the row gives one, and keep the part number.
  async function paste(e: ClipboardEvent) {
    const text = e.clipboardData?.getData("text/plain") ?? "";
    if (!isMultiLine(text)) return;
    e.preventDefault();
    const rows = parsePaste(text);
    if (rows.length === 0) return;
    const parts = draft.customer ? await partNumbers(draft.customer.code) : new Map();
    const lines = rows.map((r) => {
      const part = parts.get(r.sku);
      return part ? { sku: part.sku, quantity: r.quantity, uom: r.uom || part.uom, part: r.sku } : r;
    });
    setDraft((d) => addLines(d, lines));
    setPlaced(null);
  }

  function clear() {
    setDraft(discardDraft());
    setLineErrors(new Map());
    setHeaderErrors({});
    setAlert([]);
    setPlaced(null);
    customerRef.current?.focus();
  }

  // The problems of a refused draft, each at its field (refusal.ts).
  function showProblem(e: ApiError, keys: number[], words: Sent) {
    const refused = refusalOf(e, keys, words);
    setLineErrors(refused.lines);
    setHeaderErrors(refused.header);
    setAlert(refused.alert);
  }

  // Sends the draft (`save` places the order, keeps it as a quote or revises one; `words` name
  // that) once it has a customer and lines; on success the draft is discarded and `done` shows
  // what it became, else every problem is shown at its field (a revision's conflict as such).
  async function send<T>(save: (customer: string, lines: DraftLine[]) => Promise<T>, done: (result: T) => void, words: Sent) {
    if (placingNow.current) return; // a double click; the key would make it harmless anyway
    if (!draft.customer) {
      setHeaderErrors({ customer: "Choose a customer first." });
      customerRef.current?.focus();
      return;
    }
    const lines = sentLines(draft);
    if (lines.length === 0) {
      setAlert(["Add at least one line."]);
      itemRef.current?.focus();
      return;
    }
    placingNow.current = true;
    setPlacing(true);
    setAlert([]);
    setConflict(null);
    try {
      const result = await save(draft.customer.code, lines);
      if (draft.revision) {
        discardRevisionDraft(); // the order being taken in this tab stays as it was
      } else {
        setDraft(discardDraft());
        customerRef.current?.focus();
      }
      setLineErrors(new Map());
      setHeaderErrors({});
      done(result);
    } catch (e) {
      if (draft.revision && isConflict(e)) setConflict(e as ApiError);
      else showProblem(e as ApiError, lines.map((l) => l.key), words);
    } finally {
      placingNow.current = false;
      setPlacing(false);
    }
  }

  function submit() {
    if (draft.revision) return reviseNow();
    return send(
      (customer, lines) =>
        placeOrder(
          { customer, ship_to: draft.shipTo || undefined, po_number: draft.poNumber, channel: draft.channel, lines: lines.map(lineBody) },
          draft.idempotencyKey,
        ),
      setPlaced,
      ORDER,
    );
  }

  // The draft saved as a quote for the customer to accept later (its own key: the draft's
  // belongs to the order). The PO number and channel belong to the order and are not sent.
  function submitQuote() {
    return send(
      (customer, lines) => saveQuote({ customer, ship_to: draft.shipTo || undefined, lines: lines.map(lineBody) }, `${draft.idempotencyKey}-quote`),
      setSavedQuote,
      QUOTE,
    );
  }

  // The draft saved as the next version of the quote it revises; the quote's page then shows it.
  function reviseNow() {
    return send(
      (customer, lines) => reviseQuote(draft, customer, lines),
      (saved) => {
        location.hash = `#/quotes/${encodeURIComponent(saved.number)}`;
      },
      QUOTE,
    );
  }

  function stopRevising() {
    const number = draft.revision?.number ?? "";
    discardRevisionDraft();
    location.hash = `#/quotes/${encodeURIComponent(number)}`;
  }

  // Problems at a line: the ones the refused order named, else the price quote's.
  function problemsOf(line: DraftLine, quoted: QuoteLine | undefined): LineProblems {
    const fromOrder = lineErrors.get(line.key);
    if (fromOrder) return fromOrder;
    const out: LineProblems = {};
    for (const e of quoted?.errors ?? []) {
      const name = e.field.split("/")[2] as keyof LineProblems;
      out[["sku", "quantity", "uom"].includes(name) ? name : "line"] = e.message;
    }
    return out;
  }

  let subtotal = 0;
  let tax = 0;
  let flagged = 0;
  for (const l of sent) {
    const q = priced.byKey.get(l.key);
    const cents = q?.extended_amount ? toCents(q.extended_amount) : null;
    if (cents !== null) subtotal += cents;
    const taxCents = q?.tax_amount ? toCents(q.tax_amount) : null;
    if (taxCents !== null) tax += taxCents;
    if (Object.keys(problemsOf(l, q)).length > 0) flagged++;
  }
  const customer = draft.customer;
  const revision = draft.revision;

  return (
    <section
      class="desk"
      aria-labelledby="desk-title"
      onKeyDown={(e) => {
        if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void submit();
        }
      }}
    >
      <h1 id="desk-title">Order desk</h1>
      <RevisionBanner draft={draft} />
      <div role="status" class="desk-status">
        {placed && (
          <p class="placed">
            Order <a href={`#/orders/${encodeURIComponent(placed.number)}`}>{placed.number}</a> placed ({placed.status.replace(/_/g, " ")},{" "}
            {placed.total} {placed.currency}). A new draft is started.
            {placed.holds?.map((h) => ` On hold for ${h.kind}: ${h.reason}.`)}
          </p>
        )}
        {savedQuote && (
          <p class="placed">
            Quote <a href={`#/quotes/${encodeURIComponent(savedQuote.number)}`}>{savedQuote.number}</a> saved ({savedQuote.total}{" "}
            {savedQuote.currency}, valid until {savedQuote.expires_on}). A new draft is started.
          </p>
        )}
      </div>
      <div class="desk-head">
        <DeskHeader
          draft={draft}
          errors={headerErrors}
          customerRef={customerRef}
          itemRef={itemRef}
          onChooseCustomer={chooseCustomer}
          onChange={change}
        />
        {customer ? (
          <CustomerPanel customer={customer} orderCents={subtotal + tax} />
        ) : (
          <p class="desk-customer muted">Find the customer by its code or part of its name.</p>
        )}
      </div>

      <div class="desk-lines-scroll">
        <table class="desk-lines" aria-label="Order lines">
          <thead>
            <tr>
              <th scope="col" class="number">#</th>
              <th scope="col">SKU</th>
              <th scope="col">Item</th>
              <th scope="col">Quantity</th>
              <th scope="col">Unit</th>
              <th scope="col" class="packs">Packs</th>
              <th scope="col">Available</th>
              <th scope="col" class="number">Unit price</th>
              <th scope="col">Price from</th>
              <th scope="col" class="number">Amount</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {draft.lines.map((line, i) => {
              const quoted = priced.byKey.get(line.key);
              return (
                <LineRow
                  key={line.key}
                  line={line}
                  index={i}
                  quoted={quoted}
                  problems={problemsOf(line, quoted)}
                  priced={customer !== null}
                  canOverride={canOverride}
                  onChange={(patch) => updateLine(line.key, patch)}
                  onRemove={() => removeLine(line.key)}
                  onQuantityEnter={() => itemRef.current?.focus()}
                  quantityRef={(el) => {
                    if (el) quantityInputs.current.set(line.key, el);
                    else quantityInputs.current.delete(line.key);
                  }}
                  skuRef={() => {}}
                />
              );
            })}
          </tbody>
        </table>
      </div>

      <div class="desk-entry">
        <Typeahead<ItemChoice>
          id="desk-item"
          label="Add item"
          placeholder="SKU or name; or paste rows of SKU, quantity, unit"
          inputRef={itemRef}
          search={async (text, signal) => (await searchItems(text, signal)).items}
          exact={(choices, text) => choices.find((c) => c.sku.toLowerCase() === text.toLowerCase())}
          render={(c) => (
            <span>
              <strong>{c.sku}</strong> {c.name}{" "}
              <span class="muted">
                {c.uom}
                {c.pack_sizes.map((p) => `, ${p.uom} of ${p.quantity}`).join("")}
              </span>
            </span>
          )}
          onChoose={(c) => addItem(c.sku)}
          onEnterText={addItem}
          onPaste={(e) => void paste(e)}
          describedBy="desk-item-hint"
        />
        <p id="desk-item-hint" class="muted">
          Enter adds the line and moves to its quantity; Enter there comes back here. Ctrl+Enter {revision ? "saves the version" : "places the order"}.
        </p>
        <button type="button" class="secondary" onClick={() => setConfiguring(true)} aria-expanded={configuring}>
          Configure a product…
        </button>
      </div>
      {configuring && (
        <ConfigurePanel
          onAdd={(sku, quantity, configuration) => {
            change(addLines(draft, [{ sku, quantity, uom: "", configuration }]));
            setConfiguring(false);
            itemRef.current?.focus();
          }}
          onClose={() => {
            setConfiguring(false);
            itemRef.current?.focus();
          }}
        />
      )}

      <div class="desk-total" aria-live="polite">
        <span>
          {sent.length} line{sent.length === 1 ? "" : "s"}
          {flagged > 0 && <span class="error"> · {flagged} to fix</span>}
        </span>
        <span>
          Subtotal <strong class="number desk-subtotal">{formatCents(subtotal)}</strong> · Tax{" "}
          <strong class="number desk-tax">{formatCents(tax)}</strong> · Total{" "}
          <strong class="number desk-order-total">{formatCents(subtotal + tax)} USD</strong>
        </span>
      </div>
      {quoteError && (
        <p class="error" role="alert">
          Prices could not be read: {quoteError}
        </p>
      )}
      {alert.length > 0 && (
        <div class="error desk-alert" role="alert">
          {alert.map((a) => (
            <p>{a}</p>
          ))}
        </div>
      )}
      <ConflictNotice error={conflict} what="quote" onReload={onReload} />
      {revision ? (
        <div class="desk-actions">
          <button type="button" onClick={() => void reviseNow()} disabled={placing} aria-keyshortcuts="Control+Enter">
            {placing ? "Saving…" : `Save version ${revision.version + 1}`}
          </button>
          <button type="button" class="secondary" onClick={stopRevising}>
            Stop revising
          </button>
        </div>
      ) : (
        <div class="desk-actions">
          <button type="button" onClick={() => void submit()} disabled={placing} aria-keyshortcuts="Control+Enter">
            {placing ? "Placing…" : "Place order"}
          </button>
          {canQuote && (
            <button type="button" class="secondary" onClick={() => void submitQuote()} disabled={placing}>
              Save as quote
            </button>
          )}
          <button type="button" class="secondary" onClick={clear}>
            Clear
          </button>
        </div>
      )}
    </section>
  );
}
