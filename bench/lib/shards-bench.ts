import { benchModels, ensureModel } from './bench-models.js';
import { buildForStart } from './cold-start-npm.js';
import type { BenchContext, Section, SectionResult } from './section.js';
import { measureShards, type ShardRun } from './shards-measure.js';

/**
 * The shards section: the sharded bot (`npm run start:sharded`, built) with 1, 2 and 4 shard
 * processes on this machine (`--quick`: 1 and 2): answers per second in all and per shard
 * process, and each shard process's memory, to size machines in the README's Scaling section.
 */
export const shardsSection: Section = {
  name: 'shards',
  description: 'the sharded bot (supervisor + one process per shard): answers/s in all and per shard process, RSS per shard',
  async run(ctx: BenchContext): Promise<SectionResult> {
    const counts = ctx.options.quick ? [1, 2] : [1, 2, 4];
    const asks = ctx.options.quick ? 120 : 400;
    const rounds = ctx.options.quick ? 1 : 3;
    const model = benchModels(ctx.root).find((m) => m.modelId.includes('minilm'))!;
    const notes: string[] = [];
    if (!(await ensureModel(model, ctx.root, ctx.log))) throw new Error(`${model.modelId} is missing and could not be generated`);
    ctx.log('shards: npm run build (the supervisor and its shards run the built bot)');
    await buildForStart(ctx.root);
    const runs: ShardRun[] = [];
    for (const shards of counts) runs.push(await measureShards(model, shards, { asks, rounds, log: (m) => ctx.log(`shards: ${m}`) }));
    notes.push(
      `Model: ${model.label}. Each row starts node dist/scripts/supervisor.js with SHARD_COUNT=N on this machine, logged in to a local Discord simulator (in the bench process) that routes 40 guilds to the shards by (guild_id >> 22) % N; answers, votes and the log in one SQLite database. After one warm-up ask per guild, ${asks} /ask from distinct members, 16 in flight, ${rounds} round(s); figures are medians over the rounds. RSS is each shard's casefile_process_resident_memory_bytes (median over the shards).`,
      'On this 2-core machine more shard processes cannot add cores: read the rows as what one process costs and delivers, and size a machine by its cores and memory (README, Scaling).',
    );
    return {
      tables: [
        {
          title: `Shards: ${asks} /ask over 40 guilds through the sharded bot (one process per shard)`,
          columns: ['shard processes', 'answers/s', 'per shard process', 'RSS per shard idle MB', 'after load MB', 'supervisor MB'],
          rows: runs.map((r) => [r.shards, r.answersPerSecond, r.perShardPerSecond, r.rssIdleMb, r.rssLoadedMb, r.supervisorRssMb]),
        },
      ],
      data: { model: model.modelId, asks, rounds, runs },
      notes,
    };
  },
};
