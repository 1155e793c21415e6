// Text that came from outside (file names, cell contents) shown on a terminal: control characters, terminal
// escapes and bidirectional overrides are made visible, so a file named `x\n✔ 大气处：已收取` cannot print a fake line.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
