// The tracking workbook's format in one place: layout (sheets, columns, identification, derived version), the cell
// references, the look, the checksums and the file names. See CONTRIBUTING.md for adding a column.
export * from './cells.ts';
export * from './file-name.ts';
export * from './identification.ts';
export * from './layout.ts';
export * from './style.ts';
