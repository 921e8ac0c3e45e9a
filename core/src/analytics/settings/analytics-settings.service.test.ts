import { beforeEach, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../testing/world.js';

describe('AnalyticsSettingsService', () => {
  let w: World;
  beforeEach(async () => {
    w = await createWorld();
  });
  const settings = () => w.services.analytics.settings;
  const east = () => w.users.mia.teamId;
  const west = () => w.users.will.teamId;

  it('starts from the built-in defaults, then the company\'s, then the team\'s own', async () => {
    expect(await settings().get(w.as(w.users.ann), east())).toEqual({ commitThreshold: 80, staleFactor: 2, churnSensitivity: 'normal', teamId: east(), source: 'default' });
    await settings().update(w.as(w.users.admin), null, { commitThreshold: 70 });
    expect(await settings().get(w.as(w.users.ann), east())).toMatchObject({ commitThreshold: 70, source: 'company' });
    await settings().update(w.as(w.users.mia), east(), { staleFactor: 1.5 });
    expect(await settings().get(w.as(w.users.ann), east())).toMatchObject({ commitThreshold: 70, staleFactor: 1.5, source: 'team' });
    expect(await settings().get(w.as(w.users.ann), west())).toMatchObject({ commitThreshold: 70, staleFactor: 2, source: 'company' });
  });

  it('lets a manager change their own team\'s only, and an admin the company\'s', async () => {
    await expect(settings().update(w.as(w.users.ann), east(), { staleFactor: 3 })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(settings().update(w.as(w.users.will), east(), { staleFactor: 3 })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(settings().update(w.as(w.users.mia), null, { staleFactor: 3 })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(settings().update(w.as(w.users.mia), east(), { staleFactor: 0.5 })).rejects.toMatchObject({ code: 'invalid_input', issues: [{ path: 'staleFactor' }] });
    await expect(settings().update(w.as(w.users.mia), east(), { churnSensitivity: 'extreme' as 'low' })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await settings().get(w.as(w.users.mia), east())).toMatchObject({ staleFactor: 2, source: 'default' });
    await expect(settings().get(w.as(w.users.mia), 'team_nothere')).rejects.toMatchObject({ code: 'not_found' });
  });
});
