/**
 * Test helpers for Rapport's own packages and for anyone writing a Store: the contract
 * suite every Store runs, and builders for valid domain records.
 */
export { describeStoreContract, type StoreContractOptions, type StoreFactory } from './store-contract.js';
export { describeAnalyticsScenarios } from './analytics-scenarios.js';
export {
  AT,
  OWNER_ID,
  PIPELINE_ID,
  aContact,
  aDeal,
  aDelivery,
  aPipeline,
  aReminder,
  aStageChange,
  aTeam,
  aToken,
  aUser,
  anAccount,
  anActivity,
  anEvent,
  testId,
  aTarget,
  aCampaign,
  aCustomField,
} from './builders.js';
export { createWorld, WORLD_START, type World } from './world.js';
export { createCommandWorld, type CommandWorld } from './command-world.js';
export { describeConnectorStateContract, aConnection, type ConnectorStateFactory } from './connector-state-contract.js';
