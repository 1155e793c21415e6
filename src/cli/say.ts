// A line of a command's output for a person: every command it suggests is written the way that works here
// (workspace/command.ts: `taizhang …` after a global install, else `npx taizhang …`). JSON for scripts is printed as is.
import { runnable } from '../workspace/command.ts';

export function say(text = ''): void {
  console.log(runnable(text));
}
