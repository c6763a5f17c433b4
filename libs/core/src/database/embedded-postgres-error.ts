// A start failure of the embedded PostgreSQL as one line: what went wrong and what to do about it,
// read from the server's or initdb's own output (its full log is available with LOG_LEVEL=debug).

export class EmbeddedPostgresError extends Error {
  constructor(
    readonly reason: string,
    readonly fix: string,
  ) {
    super(`the embedded PostgreSQL did not start: ${reason}. Fix: ${fix}.`);
    this.name = 'EmbeddedPostgresError';
  }
}

interface KnownFailure {
  pattern: RegExp;
  explain(match: RegExpMatchArray, clusterDir: string): { cause: string; fix: string };
}

const KNOWN_FAILURES: KnownFailure[] = [
  {
    pattern: /database files are incompatible with server.*?initialized by PostgreSQL version (\S+), which is not compatible with this version (\S+)/s,
    explain: (m, dir) => ({
      cause: `the cluster in ${dir} was made by PostgreSQL ${m[1]}, and this is PostgreSQL ${m[2].replace(/\.$/, '')}`,
      fix: `back it up with the older version (npm run cli -- backup), move ${dir} aside and restore, or set DATA_DIR to a new directory`,
    }),
  },
  {
    pattern: /lock file "postmaster\.pid" already exists.*?PID (\d+)/s,
    explain: (m, dir) => ({
      cause: `another PostgreSQL (process ${m[1]}) is running on ${dir}`,
      fix: 'stop the other npm start using this DATA_DIR, or set DATA_DIR to another directory',
    }),
  },
  {
    pattern: /(could not bind IPv4 address|Address already in use)/,
    explain: () => ({ cause: 'the chosen port was taken by another program during start', fix: 'start again' }),
  },
  {
    pattern: /No space left on device/,
    explain: (_m, dir) => ({ cause: `the disk holding ${dir} is full`, fix: 'free some space on it (df -h) and start again' }),
  },
  {
    pattern: /(could not create shared memory segment|could not map anonymous shared memory)/,
    explain: () => ({
      cause: 'the system refused PostgreSQL its shared memory',
      fix: 'give the container more shared memory (docker run --shm-size=256m) or set DATABASE_URL to your own PostgreSQL',
    }),
  },
  {
    pattern: /(Permission denied|Operation not permitted)/,
    explain: (_m, dir) => ({
      cause: `PostgreSQL's OS user may not use ${dir} (permission denied)`,
      fix: `give it to that user (chown -R postgres: ${dir}; chmod 700 ${dir}), or set DATA_DIR to a directory it can reach`,
    }),
  },
  {
    pattern: /data directory ".*" has invalid permissions/,
    explain: (_m, dir) => ({ cause: `${dir} is open to other users, which PostgreSQL refuses`, fix: `chmod 700 ${dir}` }),
  },
  {
    pattern: /directory ".*" exists but is not empty/,
    explain: (_m, dir) => ({
      cause: `${dir} holds files but no PostgreSQL cluster`,
      fix: `move those files away, or set DATA_DIR to a new directory`,
    }),
  },
];

/** Turns what PostgreSQL or initdb printed before failing into one cause and one fix. */
export function explainStartFailure(output: string, clusterDir: string): EmbeddedPostgresError {
  for (const known of KNOWN_FAILURES) {
    const match = output.match(known.pattern);
    if (match) {
      const { cause, fix } = known.explain(match, clusterDir);
      return new EmbeddedPostgresError(cause, fix);
    }
  }
  const reported = output
    .split('\n')
    .map((line) => line.trim())
    .find((line) => /\b(FATAL|PANIC|ERROR|error):/.test(line));
  return new EmbeddedPostgresError(
    reported ? `PostgreSQL reported "${reported.replace(/^.*?\b(FATAL|PANIC|ERROR|error):\s*/, '')}"` : `PostgreSQL stopped ("${output.trim().split('\n').pop() ?? 'no output'}")`,
    `look at ${clusterDir} (the full log shows with LOG_LEVEL=debug), or set DATABASE_URL to your own PostgreSQL`,
  );
}
