import { CrmError, parseInput, StageOutcome, type Actor, type Pipeline, type Services } from '@rapport/core';
import { z } from 'zod';
import { optional, required, type CliIo, type CommandSpec, type ParsedArgs } from './args.js';
import { withDatabase } from './context.js';
import { renderTable } from './table.js';

const USER_DETAIL = '--user  whose permissions apply: an admin changes any pipeline, a manager their team\'s';
const Probability = z.coerce.number().int('A whole percentage, 0–100.').min(0).max(100);

/** Runs `work` as the user named by --user, with the pipeline named (by id or name) in the first positional. */
async function asUser(args: ParsedArgs, io: CliIo, spec: CommandSpec, work: (ctx: { services: Services; actor: Actor; pipeline: Pipeline | null }) => Promise<string>): Promise<number> {
  const email = required(args, 'user', spec);
  return withDatabase(io, async ({ services }) => {
    const user = await services.users.findByEmail(email);
    if (!user) {
      io.err(`Nobody uses Rapport as ${email}. See \`rapport user list\`.`);
      return 2;
    }
    const actor: Actor = { user, surface: 'cli' };
    const named = args.positionals[0];
    const pipeline = named === undefined ? null : await findPipeline(services, actor, named);
    io.out(await work({ services, actor, pipeline }));
    return 0;
  });
}

async function findPipeline(services: Services, actor: Actor, named: string): Promise<Pipeline> {
  const all = await services.pipelines.list(actor);
  const found = all.find((p) => p.id === named) ?? all.find((p) => p.name.toLowerCase() === named.toLowerCase());
  if (!found) throw new CrmError('not_found', `No pipeline "${named}". Pipelines: ${all.map((p) => p.name).join(', ')}.`);
  return found;
}

const need = (pipeline: Pipeline | null, spec: CommandSpec): Pipeline => {
  if (!pipeline) throw new CrmError('invalid_input', `Which pipeline?\nUsage: ${spec.usage}`);
  return pipeline;
};

const positional = (args: ParsedArgs, index: number, what: string, spec: CommandSpec): string => {
  const value = args.positionals[index];
  if (value === undefined || value.trim() === '') throw new CrmError('invalid_input', `Say ${what}.\nUsage: ${spec.usage}`);
  return value;
};

/** `Lead 10% → Demo 40% → Won 100% (won)` */
const stageLine = (p: Pipeline): string => p.stages.map((s) => `${s.name} [${s.id}] ${s.probability}%${s.outcome ? ` (${s.outcome})` : ''}`).join(' → ');

export const pipelineList: CommandSpec = {
  name: 'pipeline list',
  summary: 'List pipelines with their stages, default first.',
  usage: 'rapport pipeline list',
  options: {},
  details: [],
  async run(_args, io) {
    return withDatabase(io, async ({ services, store }) => {
      const teams = new Map((await services.users.listTeams()).map((t) => [t.id, t.name]));
      const pipelines = await store.read((uow) => uow.pipelines.list());
      const rows = pipelines.map((p) => [`${p.name}${p.isDefault ? ' (default)' : ''}`, p.teamId ? (teams.get(p.teamId) ?? p.teamId) : 'everyone', stageLine(p)]);
      for (const line of renderTable([{ header: 'Pipeline' }, { header: 'Team' }, { header: 'Stages' }], rows)) io.out(line);
      return 0;
    });
  },
};

export const pipelineAdd: CommandSpec = {
  name: 'pipeline add',
  summary: 'Create a pipeline with the default stages (or --stages).',
  usage: 'rapport pipeline add <name> --user <email> [--team <team name> | --everyone] [--stages "Intro:10,Pilot:50,Signed:100:won"]',
  options: { user: { type: 'string' }, team: { type: 'string' }, everyone: { type: 'boolean' }, stages: { type: 'string' } },
  details: [USER_DETAIL, '--team      the team it is for (a manager\'s own team when left out); --everyone: company-wide (admins)', '--stages    name:probability[:won|lost], comma-separated, in order'],
  async run(args, io) {
    const name = positional(args, 0, 'the pipeline\'s name', pipelineAdd);
    const stages = optional(args, 'stages')?.split(',').map((part) => {
      const [stageName = '', probability = '', outcome] = part.split(':').map((s) => s.trim());
      return { name: stageName, probability: parseInput(Probability, probability, `probability of ${stageName}`), ...(outcome ? { outcome: parseInput(StageOutcome, outcome, `outcome of ${stageName}`) } : {}) };
    });
    const teamName = optional(args, 'team');
    return asUser({ ...args, positionals: [] }, io, pipelineAdd, async ({ services, actor }) => {
      const team = teamName === undefined ? undefined : (await services.users.listTeams()).find((t) => t.name.toLowerCase() === teamName.toLowerCase());
      if (teamName !== undefined && !team) throw new CrmError('invalid_input', `No team called "${teamName}".`);
      const teamId = args.values.everyone ? null : team?.id;
      const created = await services.pipelines.create(actor, { name, ...(teamId !== undefined ? { teamId } : {}), ...(stages ? { stages } : {}) });
      return `Created ${created.name} (${created.id}): ${stageLine(created)}`;
    });
  },
};

export const pipelineRename: CommandSpec = {
  name: 'pipeline rename',
  summary: 'Rename a pipeline.',
  usage: 'rapport pipeline rename <pipeline> <new name> --user <email>',
  options: { user: { type: 'string' } },
  details: [USER_DETAIL],
  async run(args, io) {
    const name = positional(args, 1, 'the new name', pipelineRename);
    return asUser(args, io, pipelineRename, async ({ services, actor, pipeline }) => `Renamed to ${(await services.pipelines.rename(actor, need(pipeline, pipelineRename).id, { name })).name}.`);
  },
};

export const pipelineStageAdd: CommandSpec = {
  name: 'pipeline stage add',
  summary: 'Add a stage to a pipeline.',
  usage: 'rapport pipeline stage add <pipeline> <stage name> --probability <0-100> --user <email> [--outcome won|lost] [--position <n>]',
  options: { user: { type: 'string' }, probability: { type: 'string' }, outcome: { type: 'string' }, position: { type: 'string' } },
  details: [USER_DETAIL, '--outcome   a deal that enters the stage is closed as won or lost', '--position  0 is first; last when left out'],
  async run(args, io) {
    const name = positional(args, 1, 'the stage\'s name', pipelineStageAdd);
    const probability = parseInput(Probability, required(args, 'probability', pipelineStageAdd), 'probability');
    const outcome = optional(args, 'outcome');
    const position = optional(args, 'position');
    return asUser(args, io, pipelineStageAdd, async ({ services, actor, pipeline }) => {
      const input = { name, probability, ...(outcome ? { outcome: parseInput(StageOutcome, outcome, 'outcome') } : {}), ...(position ? { position: Number(position) } : {}) };
      return stageLine(await services.pipelines.addStage(actor, need(pipeline, pipelineStageAdd).id, input));
    });
  },
};

export const pipelineStageSet: CommandSpec = {
  name: 'pipeline stage set',
  summary: 'Rename a stage (its id stays), change its default probability or outcome.',
  usage: 'rapport pipeline stage set <pipeline> <stage id> --user <email> [--name <new name>] [--probability <0-100>] [--outcome won|lost|none]',
  options: { user: { type: 'string' }, name: { type: 'string' }, probability: { type: 'string' }, outcome: { type: 'string' } },
  details: [USER_DETAIL, 'A new probability also applies to the stage\'s open deals that do not override it.'],
  async run(args, io) {
    const stageId = positional(args, 1, 'which stage', pipelineStageSet);
    const name = optional(args, 'name');
    const probability = optional(args, 'probability');
    const outcome = optional(args, 'outcome');
    const patch = {
      ...(name ? { name } : {}),
      ...(probability ? { probability: parseInput(Probability, probability, 'probability') } : {}),
      ...(outcome ? { outcome: outcome === 'none' ? null : parseInput(StageOutcome, outcome, 'outcome') } : {}),
    };
    return asUser(args, io, pipelineStageSet, async ({ services, actor, pipeline }) => stageLine(await services.pipelines.updateStage(actor, need(pipeline, pipelineStageSet).id, stageId, patch)));
  },
};

export const pipelineStageOrder: CommandSpec = {
  name: 'pipeline stage order',
  summary: 'Put a pipeline\'s stages in a new order.',
  usage: 'rapport pipeline stage order <pipeline> <stage id,stage id,…> --user <email>',
  options: { user: { type: 'string' } },
  details: [USER_DETAIL, 'Name every stage id once.'],
  async run(args, io) {
    const stageIds = positional(args, 1, 'the stage ids in order', pipelineStageOrder).split(',').map((s) => s.trim());
    return asUser(args, io, pipelineStageOrder, async ({ services, actor, pipeline }) => stageLine(await services.pipelines.reorderStages(actor, need(pipeline, pipelineStageOrder).id, { stageIds })));
  },
};

export const pipelineStageRemove: CommandSpec = {
  name: 'pipeline stage remove',
  summary: 'Remove a stage; its deals move to --move-deals-to.',
  usage: 'rapport pipeline stage remove <pipeline> <stage id> --user <email> [--move-deals-to <stage id>]',
  options: { user: { type: 'string' }, 'move-deals-to': { type: 'string' } },
  details: [USER_DETAIL, 'A stage that holds deals is removed only with --move-deals-to; each move is recorded in the deal\'s stage history.'],
  async run(args, io) {
    const stageId = positional(args, 1, 'which stage', pipelineStageRemove);
    const moveDealsTo = optional(args, 'move-deals-to');
    return asUser(args, io, pipelineStageRemove, async ({ services, actor, pipeline }) =>
      stageLine(await services.pipelines.removeStage(actor, need(pipeline, pipelineStageRemove).id, stageId, moveDealsTo ? { moveDealsTo } : {})),
    );
  },
};

export const pipelineDelete: CommandSpec = {
  name: 'pipeline delete',
  summary: 'Delete a pipeline that holds no deals.',
  usage: 'rapport pipeline delete <pipeline> --user <email>',
  options: { user: { type: 'string' } },
  details: [USER_DETAIL],
  async run(args, io) {
    return asUser(args, io, pipelineDelete, async ({ services, actor, pipeline }) => {
      const doomed = need(pipeline, pipelineDelete);
      await services.pipelines.delete(actor, doomed.id);
      return `Deleted ${doomed.name}.`;
    });
  },
};

export const PIPELINE_COMMANDS: CommandSpec[] = [pipelineList, pipelineAdd, pipelineRename, pipelineStageAdd, pipelineStageSet, pipelineStageOrder, pipelineStageRemove, pipelineDelete];
