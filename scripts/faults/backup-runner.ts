// Used by `npm run faults -- backup` only while `npm run admin` does not know backup/restore yet:
//   node --import tsx scripts/faults/backup-runner.ts backup FILE
//   node --import tsx scripts/faults/backup-runner.ts restore FILE --yes
// on DATABASE_URL or PORTAL_DATA_DIR, as the admin commands would be.
import { backupCommand, restoreCommand } from "../backup-commands";

const [command, file, yes] = process.argv.slice(2);
try {
  if (command === "backup" && file) await backupCommand(file);
  else if (command === "restore" && file) await restoreCommand(file, yes === "--yes");
  else {
    console.error("usage: backup-runner.ts backup FILE | restore FILE --yes");
    process.exit(2);
  }
  process.exit(0);
} catch (e) {
  console.error(`backup-runner: ${(e as Error).message}`);
  process.exit(1);
}
