/** One file of an emitted package; `path` is relative to the package folder, POSIX separators. */
export interface EmittedFile {
  path: string;
  contents: string;
}

export interface EmitConnectorOptions {
  /** Shown in every banner. */
  generatorVersion: string;
}
