import type { ConnectorStateRepository } from '../connectors/connector-state.port.js';
import type { UnitOfWork } from './store.port.js';

/** The connector capability: a unit of work whose store keeps connector state in the same transactions as the records. */
export interface ConnectorUnitOfWork extends UnitOfWork {
  connectors: ConnectorStateRepository;
}

/** Whether this unit of work keeps connector state (the hub's SQL stores do; the browser's store does not). */
export function hasConnectors(uow: UnitOfWork): uow is ConnectorUnitOfWork {
  return 'connectors' in uow;
}
