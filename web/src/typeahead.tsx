// A typeahead (the ARIA 1.2 combobox pattern): a labelled input whose text is searched as it is
// typed, a list of choices under it, ArrowDown/ArrowUp to move, Enter to choose, Escape to close.
// Each keystroke searches at once and aborts the search before it, so the list always answers
// the text in the field. Enter before the answer to the current text has arrived waits for it,
// so a fast typist never gets a choice made for an older text.
// The field's text is the typeahead's own, cleared on a choice (the order desk's lines), unless
// the screen passes `text` and `onText`: then the text is the screen's (a form's value that a
// choice fills in), and a choice leaves it to onChoose.
import { ComponentChildren, Ref } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError } from "./api";

export interface TypeaheadProps<T> {
  id: string;
  label: string;
  placeholder?: string;
  search: (text: string, signal: AbortSignal) => Promise<T[]>;
  render: (choice: T) => ComponentChildren;
  // The choice Enter takes: an exact match of the text if `exact` finds one, else the one
  // highlighted; with no choice at all, onEnterText gets the text (or nothing happens).
  exact?: (choices: T[], text: string) => T | undefined;
  onChoose: (choice: T) => void;
  onEnterText?: (text: string) => void;
  onPaste?: (e: ClipboardEvent) => void;
  inputRef?: Ref<HTMLInputElement>;
  invalid?: string; // a problem to show under the field
  problemId?: string; // its id; `${id}-error` unless given
  hint?: string; // a line under the field that says what it takes
  describedBy?: string;
  listLabel?: string; // the list's accessible name; the field's label unless given
  class?: string;
  text?: string;
  onText?: (text: string) => void;
}

interface Answer<T> {
  text: string;
  choices: T[];
}

export function Typeahead<T>(props: TypeaheadProps<T>) {
  const [ownText, setOwnText] = useState("");
  const controlled = props.text !== undefined;
  const text = controlled ? props.text! : ownText;
  const setText = (value: string) => (controlled ? props.onText?.(value) : setOwnText(value));
  const [answer, setAnswer] = useState<Answer<T>>({ text: "", choices: [] });
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false); // a search for the text in the field is running
  const running = useRef<{ text: string; controller: AbortController; done: Promise<Answer<T> | null> } | null>(null);
  const listId = `${props.id}-choices`;

  function search(value: string) {
    running.current?.controller.abort();
    if (value.trim() === "") {
      running.current = null;
      setBusy(false);
      setAnswer({ text: value, choices: [] });
      setOpen(false);
      return;
    }
    const controller = new AbortController();
    setBusy(true);
    const done = props
      .search(value.trim(), controller.signal)
      .then((choices) => {
        const a = { text: value, choices };
        if (!controller.signal.aborted) {
          setAnswer(a);
          setActive(0);
          setOpen(true);
          setProblem(null);
          setBusy(false);
        }
        return a;
      })
      .catch((e) => {
        if ((e as Error).name !== "AbortError") {
          setProblem((e as ApiError).message);
          setBusy(false);
        }
        return null;
      });
    running.current = { text: value, controller, done };
  }

  useEffect(() => () => running.current?.controller.abort(), []);

  function choose(choice: T) {
    if (!controlled) setText("");
    setAnswer({ text: "", choices: [] });
    setOpen(false);
    props.onChoose(choice);
  }

  async function enter() {
    const typed = text;
    let current: Answer<T> | null = answer;
    const waited = answer.text !== typed && running.current?.text === typed;
    if (waited) current = await running.current!.done;
    const choices = current && current.text === typed ? current.choices : [];
    // Having waited, the list the user did not see yet would show its first choice highlighted.
    const highlighted = waited ? choices[0] : open ? choices[active] : undefined;
    const pick = props.exact?.(choices, typed.trim()) ?? highlighted;
    if (pick !== undefined) return choose(pick);
    if (typed.trim() !== "" && props.onEnterText) {
      if (!controlled) setText("");
      setOpen(false);
      props.onEnterText(typed.trim());
    }
  }

  function keyDown(e: KeyboardEvent) {
    const count = answer.choices.length;
    if (e.key === "ArrowDown") {
      e.preventDefault();
      if (!open && count > 0) setOpen(true);
      else if (count > 0) setActive((active + 1) % count);
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      if (count > 0) setActive((active - 1 + count) % count);
    } else if (e.key === "Enter" && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      void enter();
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      setOpen(false);
    }
  }

  const shown = open && answer.choices.length > 0;
  const errorId = props.problemId ?? `${props.id}-error`;
  const hintId = `${props.id}-hint`;
  const message = props.invalid ?? problem;
  const describedBy = [props.hint ? hintId : "", message ? errorId : "", props.describedBy ?? ""];
  return (
    <div class={props.class ? `typeahead ${props.class}` : "typeahead"}>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        ref={props.inputRef}
        type="text"
        role="combobox"
        autoComplete="off"
        spellcheck={false}
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={shown ? `${props.id}-choice-${active}` : undefined}
        aria-invalid={message ? true : undefined}
        aria-busy={busy}
        aria-describedby={describedBy.filter((d) => d !== "").join(" ") || undefined}
        placeholder={props.placeholder}
        value={text}
        onInput={(e) => {
          const value = (e.target as HTMLInputElement).value;
          setText(value);
          search(value);
        }}
        onKeyDown={keyDown}
        onPaste={props.onPaste}
        onBlur={() => setOpen(false)}
        onFocus={() => answer.choices.length > 0 && answer.text === text && text !== "" && setOpen(true)}
      />
      <ul id={listId} role="listbox" aria-label={props.listLabel ?? props.label} class="choices" hidden={!shown}>
        {shown &&
          answer.choices.map((c, i) => (
            <li
              id={`${props.id}-choice-${i}`}
              role="option"
              aria-selected={i === active}
              class={i === active ? "active" : undefined}
              // mousedown, not click: the input's blur would close the list first.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(c);
              }}
            >
              {props.render(c)}
            </li>
          ))}
      </ul>
      {props.hint && (
        <p id={hintId} class="hint">
          {props.hint}
        </p>
      )}
      {message && (
        <p id={errorId} class="field-error error">
          {message}
        </p>
      )}
    </div>
  );
}
