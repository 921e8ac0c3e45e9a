import { aTeam, aUser } from '@rapport/core/testing';
import { describe, expect, it } from 'vitest';
import { closeQuery, initialFilters, scopeOf, teamChoices, todayIn } from './filters.js';

const east = aTeam({ id: 'team_east', name: 'East' });
const west = aTeam({ id: 'team_west', name: 'West' });
const mia = aUser({ id: 'usr_mia', role: 'manager', teamId: east.id });
const ann = aUser({ id: 'usr_ann', role: 'rep', teamId: east.id });
const ada = aUser({ id: 'usr_ada', role: 'admin', teamId: null });

describe('dashboard filters', () => {
  it('start on a manager\'s own team, everyone for an admin, and a rep\'s own deals', () => {
    expect(scopeOf(initialFilters(mia, null))).toBe('team_east');
    expect(scopeOf(initialFilters(ada, null))).toBe('all');
    expect(scopeOf(initialFilters(ann, null))).toBe('usr_ann');
  });

  it('show a channel tab\'s team to its manager, but a rep in that channel their own deals', () => {
    expect(scopeOf(initialFilters(mia, 'team_east'))).toBe('team_east');
    expect(scopeOf(initialFilters(ann, 'team_east'))).toBe('usr_ann');
    expect(scopeOf(initialFilters(mia, 'team_west'))).toBe('team_east');
    expect(scopeOf(initialFilters(ada, 'team_west'))).toBe('team_west');
  });

  it('offer the teams a reader may see: an admin every team and everyone, a manager their own, a rep none', () => {
    expect(teamChoices(ada, [east, west]).map((c) => c.name)).toEqual(['Everyone', 'East', 'West']);
    expect(teamChoices(mia, [east, west]).map((c) => c.name)).toEqual(['East']);
    expect(teamChoices(ann, [east, west])).toEqual([]);
  });

  it('pick one rep over their team', () => {
    expect(scopeOf({ teamId: 'team_east', repId: 'usr_ann', close: 'any' })).toBe('usr_ann');
  });

  it('ask for next quarter by a date in it, across the year end', () => {
    expect(closeQuery('next-quarter', '2026-11-23')).toEqual({ closePeriod: 'quarter', date: '2027-01-01' });
    expect(closeQuery('next-quarter', '2026-02-10')).toEqual({ closePeriod: 'quarter', date: '2026-04-01' });
    expect(closeQuery('month', '2026-02-10')).toEqual({ closePeriod: 'month' });
    expect(closeQuery('any', '2026-02-10')).toEqual({});
  });

  it('know today in the reader\'s zone, not the machine\'s', () => {
    const at = new Date('2026-03-01T23:30:00Z');
    expect(todayIn('Asia/Tokyo', at)).toBe('2026-03-02');
    expect(todayIn('America/New_York', at)).toBe('2026-03-01');
  });
});
