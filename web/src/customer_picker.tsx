// The one customer picker of the application: a typeahead (typeahead.tsx, the ARIA combobox
// pattern) over GET /api/v1/customers?q= (code or name contains the text), each choice its code
// and name; Enter takes the customer whose code is the text, else the highlighted one. The order
// desk, the users screens and the receivables screens use it; what a screen does with the
// customer chosen (show its credit, fill in a form's code, open its invoices) is the screen's.
import { Ref } from "preact";
import { call } from "./api";
import { Typeahead } from "./typeahead";

export interface CustomerRef {
  code: string;
  name: string;
}

const CHOICES = 8;

// The customers whose code or name contains `text`, as many as the list shows; the answer is
// the API's customer (the caller names the fields it reads).
export async function searchCustomers<T extends CustomerRef>(text: string, signal?: AbortSignal): Promise<T[]> {
  const query = new URLSearchParams({ q: text, limit: String(CHOICES) });
  return (await call<{ items: T[] }>("GET", `/api/v1/customers?${query}`, undefined, { signal })).items;
}

export interface CustomerPickerProps<T extends CustomerRef> {
  id: string;
  label: string;
  onChoose: (customer: T) => void;
  placeholder?: string;
  hint?: string;
  problem?: string; // shown under the field
  problemId?: string;
  inputRef?: Ref<HTMLInputElement>;
  class?: string;
  // The field's text kept by the screen (see Typeahead); else the picker's own, cleared on a choice.
  text?: string;
  onText?: (text: string) => void;
  // Enter with no customer to choose: the screen looks the text up itself.
  onEnterText?: (text: string) => void;
}

export function CustomerPicker<T extends CustomerRef>(props: CustomerPickerProps<T>) {
  return (
    <Typeahead<T>
      id={props.id}
      label={props.label}
      listLabel="Matching customers"
      class={props.class}
      placeholder={props.placeholder}
      hint={props.hint}
      invalid={props.problem}
      problemId={props.problemId}
      inputRef={props.inputRef}
      text={props.text}
      onText={props.onText}
      search={(text, signal) => searchCustomers<T>(text, signal)}
      exact={(choices, text) => choices.find((c) => c.code.toLowerCase() === text.toLowerCase())}
      render={(c) => (
        <span>
          <strong>{c.code}</strong> {c.name}
        </span>
      )}
      onChoose={props.onChoose}
      onEnterText={props.onEnterText}
    />
  );
}
