/** One file of an emitted package; `path` is relative to the package folder, POSIX separators. */
export interface EmittedFile {
  path: string;
  contents: string;
}

export interface EmitConnectorOptions {
  /** Version range of `@specwire/runtime` the package depends on (`workspace:*` inside the workspace). */
  runtimeVersionRange: string;
  /** Shown in every banner. */
  generatorVersion: string;
}
