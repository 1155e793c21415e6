// The built-in report templates by name (templates/<name>.hbs); apart from the renderer so the CLI can list them
// without loading it.
export const BUILT_IN = ['annual-summary', 'progress-report', 'bulletin', 'speech'] as const;
