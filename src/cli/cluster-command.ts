import { runCluster } from './cluster.js';
import type { Command } from './main.js';

export const cluster: Command = {
  summary: 'Group JSON lines {id, title, text?, published?} from stdin into stories',
  usage: 'tidings cluster < articles.jsonl',
  async run(_args, io) {
    return runCluster(io.stdin, io.stdout, io.stderr);
  },
};
