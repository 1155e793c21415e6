// Moved to src/workbook/style.ts (the workbook format in one place); kept for the modules that import it from here.
export * from '../workbook/style.ts';
