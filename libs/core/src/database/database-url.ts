// The database URL for tools that need only the database (CLI, migrations): DATABASE_URL, checked.
import { ConfigError, exitOnConfigError } from '../config/app-config';

export function loadConfigForDatabase(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL;
  try {
    if (!url || !/^postgres(ql)?:\/\/\S+$/.test(url)) {
      throw new ConfigError(
        `Invalid configuration: DATABASE_URL must be a postgres:// URL (${url ? `got ${JSON.stringify(url)}` : 'it is not set'})`,
      );
    }
  } catch (error) {
    exitOnConfigError(error);
  }
  return url;
}
