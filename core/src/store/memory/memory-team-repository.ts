import type { Team } from '../../users/user.schema.js';
import { storeConflicts } from '../store-conflicts.js';
import type { TeamRepository } from '../../users/user.port.js';
import type { MemoryState } from './memory-state.js';
import { byName, sortBy } from '../record-paging.js';

export class MemoryTeamRepository implements TeamRepository {
  constructor(private readonly state: MemoryState) {}

  async get(id: string): Promise<Team | null> {
    return this.state.teams.get(id);
  }

  async list(): Promise<Team[]> {
    return sortBy(this.state.teams.all(), byName<Team>());
  }

  async insert(team: Team): Promise<void> {
    if (this.state.teams.has(team.id)) throw storeConflicts.duplicateId('team', team.id);
    this.state.teams.set(team.id, team);
  }

  async update(team: Team): Promise<boolean> {
    if (!this.state.teams.has(team.id)) return false;
    this.state.teams.set(team.id, team);
    return true;
  }
}
