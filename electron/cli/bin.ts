import { processIo, runCli } from './main';

// `headroom prefix list WS | head`: the reader went away; that is not an error of ours. (A
// command that changes the workspace has made its change durable before it prints.)
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

runCli(process.argv.slice(2), processIo).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`headroom: internal error: ${(e as Error).message}\n`);
    process.exitCode = 1;
  },
);
