// Moved to src/workbook/ (the workbook format in one place); kept for the modules that import it from here.
export * from '../workbook/layout.ts';
export { cellOrder, cellPosition, columnLetters, columnNumber } from '../workbook/cells.ts';
