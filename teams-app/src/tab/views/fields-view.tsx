import { CustomFieldType, type CustomFieldDefinition, type CustomFieldObjectType } from '@rapport/core';
import { useState } from 'preact/hooks';
import { useApp, useLoad } from '../ui/app-context.js';
import { Card, ErrorNote, errorText, Loading } from '../ui/common.js';

const KINDS: ReadonlyArray<[CustomFieldObjectType, string]> = [['deal', 'Deals'], ['account', 'Accounts'], ['contact', 'Contacts']];
const SELECTS: readonly string[] = ['single_select', 'multi_select'];

/** "EMEA, APAC" → options whose ids are made from the labels (values keep the id). */
const optionsFrom = (text: string) =>
  text
    .split(',')
    .map((label) => label.trim())
    .filter((label) => label.length > 0)
    .map((label) => ({ id: label.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40) || 'option', label }));

/** The admin settings for custom fields: the fields of each kind, and (for admins) a form to add one. */
export function FieldsView() {
  const { api, me } = useApp();
  const [kind, setKind] = useState<CustomFieldObjectType>('deal');
  const fields = useLoad(() => api.call('listCustomFields', { query: { objectType: kind } }), kind);
  const [draft, setDraft] = useState({ key: '', label: '', type: 'text', options: '', showOnCard: true });
  const [note, setNote] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const set = <K extends keyof typeof draft>(key: K, value: (typeof draft)[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const add = async () => {
    setNote(null);
    try {
      const field = await api.call('createCustomField', {
        body: { objectType: kind, key: draft.key.trim(), label: draft.label.trim(), type: CustomFieldType.parse(draft.type), options: SELECTS.includes(draft.type) ? optionsFrom(draft.options) : [], showOnCard: draft.showOnCard },
      });
      setNote({ kind: 'ok', text: `Added ${field.label} (${field.key}).` });
      setDraft({ key: '', label: '', type: 'text', options: '', showOnCard: true });
      fields.reload();
    } catch (error) {
      setNote({ kind: 'error', text: errorText(error) });
    }
  };

  const list = (items: CustomFieldDefinition[]) =>
    items.length === 0 ? (
      <p class="muted">No custom fields on {kind}s yet.</p>
    ) : (
      <table class="table" data-section="fields">
        <thead>
          <tr>
            <th>Label</th>
            <th>Key</th>
            <th>Type</th>
            <th>On card</th>
          </tr>
        </thead>
        <tbody>
          {items.map((f) => (
            <tr key={f.id} data-field={f.key}>
              <td>{f.label}</td>
              <td>
                <code>{f.key}</code>
              </td>
              <td>{f.options.length > 0 ? `${f.type.replace('_', ' ')}: ${f.options.map((o) => o.label).join(', ')}` : f.type.replace('_', ' ')}</td>
              <td>{f.showOnCard ? 'yes' : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );

  return (
    <main class="fields-view">
      <nav class="tabs" aria-label="Record kind">
        {KINDS.map(([id, label]) => (
          <button key={id} type="button" class="tab" aria-current={id === kind ? 'page' : undefined} onClick={() => setKind(id)}>
            {label}
          </button>
        ))}
      </nav>
      <Card title="Custom fields">{fields.data ? list(fields.data.items) : fields.error ? <ErrorNote error={fields.error} onRetry={fields.reload} /> : <Loading what="the fields" />}</Card>
      {me.role === 'admin' && (
        <Card title={`Add a field to ${kind}s`}>
          <form
            class="field-form"
            onSubmit={(e) => {
              e.preventDefault();
              void add();
            }}
          >
            <label>
              <span>Label</span>
              <input name="label" value={draft.label} onInput={(e) => set('label', (e.currentTarget as HTMLInputElement).value)} />
            </label>
            <label>
              <span>Key</span>
              <input name="key" placeholder="contract_end" value={draft.key} onInput={(e) => set('key', (e.currentTarget as HTMLInputElement).value)} />
            </label>
            <label>
              <span>Type</span>
              <select name="type" value={draft.type} onChange={(e) => set('type', (e.currentTarget as HTMLSelectElement).value)}>
                {CustomFieldType.options.map((t) => (
                  <option key={t} value={t}>
                    {t.replace('_', ' ')}
                  </option>
                ))}
              </select>
            </label>
            {SELECTS.includes(draft.type) && (
              <label>
                <span>Options</span>
                <input name="options" placeholder="EMEA, APAC, Americas" value={draft.options} onInput={(e) => set('options', (e.currentTarget as HTMLInputElement).value)} />
              </label>
            )}
            <label class="inline">
              <input type="checkbox" name="showOnCard" checked={draft.showOnCard} onChange={(e) => set('showOnCard', (e.currentTarget as HTMLInputElement).checked)} />
              <span>Show on the customer card</span>
            </label>
            <button type="submit">Add field</button>
          </form>
          {note && (
            <div class={`note ${note.kind}`} role={note.kind === 'error' ? 'alert' : 'status'}>
              {note.text}
            </div>
          )}
        </Card>
      )}
    </main>
  );
}
