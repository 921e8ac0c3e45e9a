import { CrmError, CustomFieldObjectType, parseInput, type CustomFieldDefinition, type CustomFieldOption } from '@rapport/core';
import { optional, required, type CommandSpec, type ParsedArgs } from './args.js';
import { withDatabase } from './context.js';
import { renderTable } from './table.js';

/** `rapport fields …`: custom fields on accounts, contacts and deals, as an admin on the hub's machine. */

const TYPES = 'text, long_text, number, money, date, checkbox, single_select, multi_select, user, url, email, phone';

/** "emea=EMEA,apac=APAC" or "EMEA,APAC" (ids made from the labels). */
export function parseOptions(text: string): CustomFieldOption[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => {
      const [id, label] = part.includes('=') ? part.split('=', 2).map((s) => s.trim()) : [undefined, part];
      const made = (label ?? '').toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40);
      return { id: id || made || 'option', label: label ?? '' };
    });
}

function flag(args: ParsedArgs, name: string): boolean | undefined {
  const value = optional(args, name);
  if (value === undefined) return undefined;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new CrmError('invalid_input', `--${name} takes true or false.`, { issues: [{ path: name, message: 'Use true or false.' }] });
}

function position(args: ParsedArgs): number | undefined {
  const value = optional(args, 'position');
  return value === undefined ? undefined : Number(value);
}

const describe = (f: CustomFieldDefinition): string =>
  `${f.objectType} field ${f.key} (${f.label}, ${f.type}${f.options.length > 0 ? `: ${f.options.map((o) => `${o.id}=${o.label}`).join(', ')}` : ''})`;

function idOf(args: ParsedArgs, spec: CommandSpec): string {
  const id = args.positionals[0];
  if (!id) throw new CrmError('invalid_input', `Which field? Give its id (rapport fields list).\nUsage: ${spec.usage}`);
  return id;
}

export const fieldsList: CommandSpec = {
  name: 'fields list',
  summary: 'List the custom fields of accounts, contacts and deals.',
  usage: 'rapport fields list [--object account|contact|deal] [--deleted]',
  options: { object: { type: 'string' }, deleted: { type: 'boolean' } },
  details: ['--deleted also lists deleted fields, which can be restored for 30 days.'],
  async run(args, io) {
    const object = optional(args, 'object');
    const objectType = object === undefined ? undefined : parseInput(CustomFieldObjectType, object, '--object');
    return withDatabase(io, async ({ services }) => {
      const fields = await services.customFields.list(null, { ...(objectType ? { objectType } : {}), includeDeleted: args.values['deleted'] === true });
      if (fields.length === 0) {
        io.out('No custom fields yet. Add one: rapport fields add --object deal --key region --label Region --type single_select --options "EMEA,APAC"');
        return 0;
      }
      const rows = fields.map((f) => [f.id, f.objectType, f.key, f.label, f.type, f.required ? 'yes' : '', f.showOnCard ? 'yes' : '', f.deletedAt ? `deleted ${f.deletedAt.slice(0, 10)}` : '']);
      for (const line of renderTable([{ header: 'ID' }, { header: 'OBJECT' }, { header: 'KEY' }, { header: 'LABEL' }, { header: 'TYPE' }, { header: 'REQUIRED' }, { header: 'CARD' }, { header: '' }], rows)) io.out(line);
      return 0;
    });
  },
};

export const fieldsAdd: CommandSpec = {
  name: 'fields add',
  summary: 'Define a custom field on accounts, contacts or deals.',
  usage: 'rapport fields add --object <account|contact|deal> --key <snake_case> --label <label> --type <type> [--options <list>] [--required] [--card] [--help-text <text>] [--position <n>]',
  options: {
    object: { type: 'string' }, key: { type: 'string' }, label: { type: 'string' }, type: { type: 'string' }, options: { type: 'string' },
    required: { type: 'boolean' }, card: { type: 'boolean' }, 'help-text': { type: 'string' }, position: { type: 'string' },
  },
  details: [
    `Types: ${TYPES}.`,
    '--options lists a select\'s choices: "emea=EMEA,apac=APAC" (id=label) or "EMEA,APAC". Values keep the id, so a label can be renamed later.',
    '--card shows the field on the customer card in Gmail, Slack and Teams.',
    '',
    'Example: rapport fields add --object deal --key contract_end --label "Contract end" --type date --card',
  ],
  async run(args, io) {
    const input = {
      objectType: required(args, 'object', fieldsAdd),
      key: required(args, 'key', fieldsAdd),
      label: required(args, 'label', fieldsAdd),
      type: required(args, 'type', fieldsAdd),
      options: parseOptions(optional(args, 'options') ?? ''),
      required: args.values['required'] === true,
      showOnCard: args.values['card'] === true,
      helpText: optional(args, 'help-text') ?? null,
      ...(position(args) === undefined ? {} : { position: position(args) }),
    };
    return withDatabase(io, async ({ services }) => {
      // The service parses the input with the field schema; the CLI passes what it was given.
      const field = await services.customFields.create(null, input as Parameters<typeof services.customFields.create>[1]);
      io.out(`Added ${describe(field)}: ${field.id}`);
      return 0;
    });
  },
};

export const fieldsEdit: CommandSpec = {
  name: 'fields edit',
  summary: 'Change a custom field\'s label, help text, options, whether it is required or on the card, or its position.',
  usage: 'rapport fields edit <field id> [--label <label>] [--help-text <text>] [--options <list>] [--required true|false] [--card true|false] [--position <n>]',
  options: { label: { type: 'string' }, 'help-text': { type: 'string' }, options: { type: 'string' }, required: { type: 'string' }, card: { type: 'string' }, position: { type: 'string' } },
  details: ['--options replaces the list: keep each id to keep the values that hold it ("emea=Europe,apac=APAC" renames EMEA).'],
  async run(args, io) {
    const id = idOf(args, fieldsEdit);
    const options = optional(args, 'options');
    const patch = {
      ...(optional(args, 'label') ? { label: optional(args, 'label') } : {}),
      ...(optional(args, 'help-text') ? { helpText: optional(args, 'help-text') } : {}),
      ...(options ? { options: parseOptions(options) } : {}),
      ...(flag(args, 'required') === undefined ? {} : { required: flag(args, 'required') }),
      ...(flag(args, 'card') === undefined ? {} : { showOnCard: flag(args, 'card') }),
      ...(position(args) === undefined ? {} : { position: position(args) }),
    };
    return withDatabase(io, async ({ services }) => {
      const field = await services.customFields.update(null, id, patch);
      io.out(`Changed ${describe(field)} (version ${field.version}).`);
      return 0;
    });
  },
};

export const fieldsDelete: CommandSpec = {
  name: 'fields delete',
  summary: 'Delete a custom field; records keep their values and it can be restored for 30 days.',
  usage: 'rapport fields delete <field id>',
  options: {},
  details: ['Undo with: rapport fields restore <field id>'],
  async run(args, io) {
    const id = idOf(args, fieldsDelete);
    return withDatabase(io, async ({ services }) => {
      const { field, recordsWithValue, restorableUntil } = await services.customFields.delete(null, id);
      io.out(`Deleted ${describe(field)}. ${recordsWithValue} ${field.objectType}${recordsWithValue === 1 ? '' : 's'} keep a value; restore it until ${restorableUntil.slice(0, 10)} with: rapport fields restore ${field.id}`);
      return 0;
    });
  },
};

export const fieldsRestore: CommandSpec = {
  name: 'fields restore',
  summary: 'Restore a deleted custom field with the values records kept.',
  usage: 'rapport fields restore <field id>',
  options: {},
  details: [],
  async run(args, io) {
    const id = idOf(args, fieldsRestore);
    return withDatabase(io, async ({ services }) => {
      const { field, recordsWithValue } = await services.customFields.restore(null, id);
      io.out(`Restored ${describe(field)}, with the values of ${recordsWithValue} ${field.objectType}${recordsWithValue === 1 ? '' : 's'}.`);
      return 0;
    });
  },
};
