/**
 * Block Kit's documented limits that Rapport's views rely on. Views cut text and lists to
 * these, saying "and N more" where rows were left out.
 */
export const LIMITS = {
  messageBlocks: 50,
  surfaceBlocks: 100,
  messageText: 40_000,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  contextText: 2000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  url: 3000,
  optionText: 75,
  optionValue: 150,
  selectOptions: 100,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  callbackId: 255,
  inputLabel: 2000,
  inputHint: 2000,
  inputPlaceholder: 150,
  textInputMax: 3000,
} as const;

/** How many list rows fit beside a view's other blocks, leaving one for "and N more". */
export function rowsThatFit(used: number, perRow: number, budget: number = LIMITS.messageBlocks): number {
  return Math.max(0, Math.floor((budget - used - 1) / perRow));
}
