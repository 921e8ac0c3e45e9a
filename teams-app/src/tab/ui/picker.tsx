/** A labelled drop-down of a few named choices (the board's pipeline and column order). */
export function Picker<T extends string>({ label, name, value, choices, onPick, className }: { label: string; name: string; value: T; choices: ReadonlyArray<{ id: T; name: string }>; onPick: (id: T) => void; className?: string }) {
  return (
    <label class={className}>
      <span>{label}</span>
      <select name={name} value={value} onChange={(e) => onPick((e.currentTarget as HTMLSelectElement).value as T)}>
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}
