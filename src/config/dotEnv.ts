/**
 * Loads `.env` from the working directory into `process.env`, as `.env.example` and the README promise
 * ("copy to .env"). Variables already set win: a value exported in the shell, or by systemd's `Environment=`,
 * overrides the file. Empty values (`TELEGRAM_BOT_TOKEN=` as copied from the example) count as unset everywhere.
 * @returns the file loaded, or undefined when there is none.
 * @throws Error naming the file when it exists but cannot be read (a directory, no permission).
 */
export function loadDotEnv(file = '.env'): string | undefined {
  try {
    // Node's own parser (20.12+): quotes, comments and `export` prefixes as dotenv reads them; it never
    // replaces a variable that is already set.
    process.loadEnvFile(file);
    return file;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`cannot read ${file}: ${(error as Error).message}`);
  }
}
