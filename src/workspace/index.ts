// The workspace services the command line and the 工作台 share (see docs/architecture-workspace.md). Only the light
// ones are gathered here; views.ts (which loads the consolidation stage) and settings.ts are imported on their own
// when a command or page needs them.
export { commandLine, commandPrefix, runnable } from './command.ts';
export { DEFAULT_WORKSPACE, findWorkspace, hasLedger, openFoundLedger, type WorkspaceLocation } from './find.ts';
export { PlanStore, type PlanListing } from './plans.ts';
export { DEFAULT_THRESHOLDS, readThresholds, type Thresholds } from '../model/thresholds.ts';
export { ROUND_PARTS, Workspace, type RoundPart } from './workspace.ts';
