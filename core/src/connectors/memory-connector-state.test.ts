import { describeConnectorStateContract } from '../testing/connector-state-contract.js';
import { MemoryConnectorState } from './memory-connector-state.js';

describeConnectorStateContract('memory', async () => new MemoryConnectorState());
