import { LIMITS } from '../views/limits.js';

/** Where blocks are shown: a message allows 50, a modal or App Home 100. */
export type BlockSurface = 'message' | 'modal' | 'home';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const textOf = (v: unknown): string | null => (isObject(v) && typeof v.text === 'string' ? v.text : null);

/**
 * Checks a payload against Block Kit's documented limits (block counts, text lengths, element
 * counts, ids and values). Returns what breaks them; an empty list means Slack would take it.
 */
export function checkBlockKit(payload: { text?: unknown; blocks?: unknown; view?: unknown }, surface: BlockSurface = 'message'): string[] {
  const problems: string[] = [];
  const over = (what: string, value: string | null | undefined, max: number) => {
    if (typeof value === 'string' && value.length > max) problems.push(`${what} is ${value.length} characters (limit ${max})`);
  };
  const view = isObject(payload.view) ? payload.view : null;
  const blocks = (view ? view.blocks : payload.blocks) ?? [];
  if (typeof payload.text === 'string') over('message text', payload.text, LIMITS.messageText);
  if (view) {
    over('modal title', textOf(view.title), LIMITS.modalTitle);
    over('modal submit', textOf(view.submit), LIMITS.modalButton);
    over('modal close', textOf(view.close), LIMITS.modalButton);
    over('private_metadata', typeof view.private_metadata === 'string' ? view.private_metadata : null, LIMITS.privateMetadata);
    over('callback_id', typeof view.callback_id === 'string' ? view.callback_id : null, LIMITS.callbackId);
  }
  if (!Array.isArray(blocks)) return [...problems, 'blocks is not a list'];
  const max = view || surface !== 'message' ? LIMITS.surfaceBlocks : LIMITS.messageBlocks;
  if (blocks.length > max) problems.push(`${blocks.length} blocks (limit ${max})`);
  blocks.forEach((block, i) => checkBlock(block, `block ${i}`, over, problems));
  return problems;
}

type Over = (what: string, value: string | null | undefined, max: number) => void;

function checkElement(element: unknown, where: string, over: Over, problems: string[]): void {
  if (!isObject(element)) return void problems.push(`${where} is not an object`);
  over(`${where} action_id`, typeof element.action_id === 'string' ? element.action_id : null, LIMITS.actionId);
  if (element.type === 'button') {
    over(`${where} button text`, textOf(element.text), LIMITS.buttonText);
    over(`${where} button value`, typeof element.value === 'string' ? element.value : null, LIMITS.buttonValue);
    over(`${where} button url`, typeof element.url === 'string' ? element.url : null, LIMITS.url);
  }
  if (Array.isArray(element.options)) {
    if (element.options.length > LIMITS.selectOptions) problems.push(`${where} has ${element.options.length} options (limit ${LIMITS.selectOptions})`);
    element.options.forEach((o, j) => {
      over(`${where} option ${j} text`, isObject(o) ? textOf(o.text) : null, LIMITS.optionText);
      over(`${where} option ${j} value`, isObject(o) && typeof o.value === 'string' ? o.value : null, LIMITS.optionValue);
    });
  }
  if (element.type === 'plain_text_input') over(`${where} initial_value`, typeof element.initial_value === 'string' ? element.initial_value : null, LIMITS.textInputMax);
}

function checkBlock(block: unknown, where: string, over: Over, problems: string[]): void {
  if (!isObject(block)) return void problems.push(`${where} is not an object`);
  over(`${where} block_id`, typeof block.block_id === 'string' ? block.block_id : null, LIMITS.blockId);
  switch (block.type) {
    case 'section': {
      over(`${where} text`, textOf(block.text), LIMITS.sectionText);
      if (!textOf(block.text) && !Array.isArray(block.fields)) problems.push(`${where} has neither text nor fields`);
      if (textOf(block.text) === '') problems.push(`${where} text is empty`);
      if (Array.isArray(block.fields)) {
        if (block.fields.length > LIMITS.sectionFields) problems.push(`${where} has ${block.fields.length} fields (limit ${LIMITS.sectionFields})`);
        block.fields.forEach((f, j) => over(`${where} field ${j}`, textOf(f), LIMITS.fieldText));
      }
      if (block.accessory) checkElement(block.accessory, `${where} accessory`, over, problems);
      break;
    }
    case 'header':
      over(`${where} header`, textOf(block.text), LIMITS.headerText);
      break;
    case 'context': {
      const elements = Array.isArray(block.elements) ? block.elements : [];
      if (elements.length === 0 || elements.length > LIMITS.contextElements) problems.push(`${where} has ${elements.length} elements (1–${LIMITS.contextElements})`);
      elements.forEach((e, j) => over(`${where} element ${j}`, textOf(e), LIMITS.contextText));
      break;
    }
    case 'actions': {
      const elements = Array.isArray(block.elements) ? block.elements : [];
      if (elements.length === 0 || elements.length > LIMITS.actionsElements) problems.push(`${where} has ${elements.length} elements (1–${LIMITS.actionsElements})`);
      const ids = elements.map((e) => (isObject(e) ? e.action_id : undefined));
      if (new Set(ids).size !== ids.length) problems.push(`${where} repeats an action_id`);
      elements.forEach((e, j) => checkElement(e, `${where} element ${j}`, over, problems));
      break;
    }
    case 'input':
      over(`${where} label`, textOf(block.label), LIMITS.inputLabel);
      checkElement(block.element, `${where} element`, over, problems);
      break;
    case 'divider':
      break;
    default:
      problems.push(`${where} has an unexpected type ${String(block.type)}`);
  }
}
