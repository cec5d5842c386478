import { processIo, runCli } from './main';

runCli(process.argv.slice(2), processIo).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`headroom: internal error: ${(e as Error).message}\n`);
    process.exitCode = 1;
  },
);
