import { ConfigError } from '../config.js';
import { println, UsageError, type CliIo } from './io.js';

/** A command of the `tidings` CLI. */
export interface Command {
  summary: string;
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

const COMMANDS: Record<string, () => Promise<Command>> = {
  start: async () => (await import('./start.js')).start,
  serve: async () => (await import('./start.js')).serve,
  worker: async () => (await import('./start.js')).worker,
  refresh: async () => (await import('./refresh.js')).refresh,
  add: async () => (await import('./add.js')).add,
  sources: async () => (await import('./sources.js')).sources,
  import: async () => (await import('./opml.js')).importOpml,
  export: async () => (await import('./opml.js')).exportOpml,
  parse: async () => (await import('./parse.js')).parse,
  extract: async () => (await import('./extract-command.js')).extract,
  cluster: async () => (await import('./cluster-command.js')).cluster,
  classify: async () => (await import('./classify.js')).classify,
  copy: async () => (await import('./copy.js')).copy,
  recategorize: async () => (await import('./recategorize.js')).recategorize,
  delete: async () => (await import('./delete.js')).del,
  migrate: async () => (await import('./migrate.js')).migrate,
};

/** Runs `tidings <command> [args]`; returns the exit code. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    await printHelp(io);
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    println(io.stderr, `tidings: unknown command "${name}"; run "tidings help" for the list`);
    return 2;
  }
  const command = await load();
  if (args.includes('--help') || args.includes('-h')) {
    println(io.stdout, `usage: ${command.usage}\n\n${command.summary}`);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError) {
      println(io.stderr, `tidings ${name}: ${err.message}`);
      return 2;
    }
    println(io.stderr, `tidings ${name}: ${(err as Error).stack ?? String(err)}`);
    return 1;
  }
}

async function printHelp(io: CliIo): Promise<void> {
  println(io.stdout, 'usage: tidings <command> [options]\n\ncommands:');
  for (const [name, load] of Object.entries(COMMANDS)) {
    const c = await load();
    println(io.stdout, `  ${name.padEnd(9)} ${c.summary}`);
  }
  println(
    io.stdout,
    '\nRun "tidings <command> --help" for its options. Configuration comes from the environment (see README).',
  );
}

function processIo(): CliIo {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
}
