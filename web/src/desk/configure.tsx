// The order desk's configurator: a configurable product (pallet rack, safety cabinet) chosen
// question by question. Each answer is sent to POST /api/v1/configurators/{code}/evaluate,
// which gives the next question with only the choices that still lead to a product; once every
// question is answered it names the SKU and the price adjustment, and the line is added with
// its answers (the desk's quote and the order price it as the SKU plus the adjustment).
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, call } from "../api";
import { Page } from "./desk_api";
import { LineConfiguration } from "./draft";

interface Choice {
  code: string;
  label: string;
  price_adjustment: string;
}

interface Evaluation {
  configurator: string;
  complete: boolean;
  answers: { question: string; question_label: string; value: string | null; value_label: string | null; price_adjustment: string }[];
  next_question: { code: string; label: string; required: boolean; none_allowed: boolean; choices: Choice[] } | null;
  result: { sku: string; price_adjustment: string; description: string } | null;
}

const NONE = "\u0000none"; // the select's value for "none" (no value code can hold a NUL)

function adjustment(text: string): string {
  if (/^-?0(\.0+)?$/.test(text)) return "";
  return text.startsWith("-") ? ` (${text})` : ` (+${text})`;
}

export function ConfigurePanel({ onAdd, onClose }: { onAdd: (sku: string, quantity: string, configuration: LineConfiguration) => void; onClose: () => void }) {
  const [models, setModels] = useState<{ code: string; name: string }[] | null>(null);
  const [model, setModel] = useState("");
  const [answers, setAnswers] = useState<Record<string, string | null>>({});
  const [evaluation, setEvaluation] = useState<Evaluation | null>(null);
  const [quantity, setQuantity] = useState("1");
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLSelectElement>(null);
  const next = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    call<Page<{ code: string; name: string; active: boolean }>>("GET", "/api/v1/configurators?limit=100")
      .then((page) => setModels(page.items.filter((m) => m.active)))
      .catch((e) => setError((e as ApiError).message));
  }, []);
  useEffect(() => first.current?.focus(), [models !== null]);

  async function evaluate(code: string, given: Record<string, string | null>) {
    setError(null);
    try {
      setEvaluation(await call<Evaluation>("POST", `/api/v1/configurators/${encodeURIComponent(code)}/evaluate`, { answers: given }));
    } catch (e) {
      setError((e as ApiError).message);
    }
  }

  function choose(code: string) {
    setModel(code);
    setAnswers({});
    setEvaluation(null);
    if (code) void evaluate(code, {});
  }

  function answer(question: string, value: string) {
    const given = { ...answers, [question]: value === NONE ? null : value };
    setAnswers(given);
    void evaluate(model, given);
  }

  // Back to a question: it and every later answer are asked again.
  function reopen(question: string) {
    const order = evaluation?.answers.map((a) => a.question) ?? [];
    const kept: Record<string, string | null> = {};
    for (const q of order) {
      if (q === question) break;
      kept[q] = answers[q];
    }
    setAnswers(kept);
    void evaluate(model, kept);
  }

  useEffect(() => next.current?.focus(), [evaluation?.next_question?.code]);

  const result = evaluation?.complete ? evaluation.result : null;
  const question = evaluation?.next_question ?? null;
  return (
    <section class="panel desk-configure" role="dialog" aria-labelledby="configure-title" onKeyDown={(e) => e.key === "Escape" && onClose()}>
      <h2 id="configure-title">Configure a product</h2>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <label for="configure-model">Product</label>
      <select id="configure-model" ref={first} value={model} onChange={(e) => choose((e.target as HTMLSelectElement).value)}>
        <option value="">{models === null ? "Loading…" : "Choose a configurable product"}</option>
        {models?.map((m) => (
          <option key={m.code} value={m.code}>
            {m.name} ({m.code})
          </option>
        ))}
      </select>
      {evaluation && evaluation.answers.length > 0 && (
        <ol class="configure-answers">
          {evaluation.answers.map((a) => (
            <li key={a.question}>
              {a.question_label}: <strong>{a.value_label ?? "none"}</strong>
              {adjustment(a.price_adjustment)}{" "}
              <button type="button" class="secondary" onClick={() => reopen(a.question)} aria-label={`Change ${a.question_label}`}>
                change
              </button>
            </li>
          ))}
        </ol>
      )}
      {question && (
        <div class="field">
          <label for="configure-next">{question.label}</label>
          <select id="configure-next" ref={next} value="" onChange={(e) => answer(question.code, (e.target as HTMLSelectElement).value)}>
            <option value="" disabled>
              Choose {question.label.toLowerCase()}
            </option>
            {question.choices.map((c) => (
              <option key={c.code} value={c.code}>
                {c.label}
                {adjustment(c.price_adjustment)}
              </option>
            ))}
            {question.none_allowed && <option value={NONE}>None</option>}
          </select>
        </div>
      )}
      {result && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            onAdd(result.sku, quantity, { configurator: model, answers, description: result.description });
          }}
        >
          <p role="status">
            <strong>{result.sku}</strong>: {result.description}
            {adjustment(result.price_adjustment)}
          </p>
          <label for="configure-quantity">Quantity</label>
          <input id="configure-quantity" inputMode="numeric" value={quantity} onInput={(e) => setQuantity((e.target as HTMLInputElement).value.trim())} />
          <button type="submit">Add configured line</button>
        </form>
      )}
      <p>
        <button type="button" class="secondary" onClick={onClose}>
          Close
        </button>
      </p>
    </section>
  );
}
