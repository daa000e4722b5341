import 'reflect-metadata';
import { Type } from '@nestjs/common';
import { MODULE_METADATA } from '@nestjs/common/constants';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { FEATURE_MODULES } from '../apps/api/src/modules';

/**
 * DESIGN.md, "Layout": module imports form no cycle. A cycle makes Nest need forwardRef, makes
 * a module impossible to test or move alone, and hides which feature owns what.
 */
const ROOT = resolve(__dirname, '..');
const MODULES = join(ROOT, 'apps', 'api', 'src', 'modules');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : tsFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Every module specifier a file names: import … from, export … from, import '…', import(), require(). */
function specifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^;]*?\sfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of source.matchAll(re)) found.push(m[1]);
  return found;
}

type Graph = Map<string, Set<string>>;

/** The first cycle found, as a path that starts and ends on the same node, or null. */
function findCycle(graph: Graph): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'open');
    stack.push(node);
    for (const next of [...(graph.get(node) ?? [])].sort()) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of [...graph.keys()].sort()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

/** Feature folder → the feature folders its files import from (modules/index.ts counts as one). */
function folderGraph(): Graph {
  const graph: Graph = new Map();
  const folderOf = (file: string) => relative(MODULES, file).split(sep)[0].replace(/\.ts$/, '');
  for (const file of tsFiles(MODULES)) {
    const from = folderOf(file);
    if (!graph.has(from)) graph.set(from, new Set());
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      const target = resolve(dirname(file), spec);
      if (!target.startsWith(MODULES + sep) && target !== MODULES) continue;
      const to = target === MODULES ? 'index' : folderOf(target);
      if (to !== from) graph.get(from)!.add(to);
    }
  }
  return graph;
}

/**
 * The Nest graph: each feature module → the feature modules its @Module({ imports }) names. Library
 * modules (TypeOrmModule.forFeature, JwtModule) import no feature module, so they are left out.
 */
function nestGraph(): { graph: Graph; forwardRefs: string[] } {
  const graph: Graph = new Map();
  const forwardRefs: string[] = [];
  const features = new Set<unknown>(FEATURE_MODULES);
  const visit = (m: Type) => {
    if (graph.has(m.name)) return;
    const edges = new Set<string>();
    graph.set(m.name, edges);
    for (const imported of (Reflect.getMetadata(MODULE_METADATA.IMPORTS, m) ?? []) as unknown[]) {
      if (imported && typeof imported === 'object' && 'forwardRef' in imported) {
        forwardRefs.push(m.name);
        continue;
      }
      if (typeof imported !== 'function' || !features.has(imported)) continue;
      edges.add(imported.name);
      visit(imported as Type);
    }
  };
  FEATURE_MODULES.forEach(visit);
  return { graph, forwardRefs };
}

describe('architecture', () => {
  it('the container starts the API with the node flags npm start gives it', () => {
    const start = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts
      .start;
    const cmd = /^CMD (\[.*\])$/m.exec(readFileSync('Dockerfile', 'utf8'))![1];
    expect(JSON.parse(cmd)).toEqual(start.split(/\s+/));
  });

  it('finds a cycle when there is one (the check itself works)', () => {
    const g: Graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
    ]);
    expect(findCycle(g)).toEqual(['a', 'b', 'c', 'a']);
    expect(findCycle(new Map([['a', new Set(['b'])]]))).toBeNull();
  });

  it('feature folders import each other without a cycle', () => {
    const graph = folderGraph();
    expect(graph.size).toBeGreaterThan(5);
    expect(findCycle(graph)?.join(' → ') ?? 'no cycle').toBe('no cycle');
  });

  it('Nest modules import each other without a cycle, and without forwardRef', () => {
    const { graph, forwardRefs } = nestGraph();
    expect([...graph.get('AccountsModule')!]).toContain('AuditModule'); // edges are read at all
    expect(forwardRefs).toEqual([]);
    expect(findCycle(graph)?.join(' → ') ?? 'no cycle').toBe('no cycle');
  });

  it('the audit module is a leaf: it imports no feature module', () => {
    expect([...(folderGraph().get('audit') ?? [])]).toEqual([]);
    expect([...(nestGraph().graph.get('AuditModule') ?? [])]).toEqual([]);
  });

  it('no source calls forwardRef(() => …)', () => {
    const offenders = ['apps', 'libs']
      .flatMap((dir) => tsFiles(join(ROOT, dir)))
      .filter((f) => /\bforwardRef\(\s*\(\)\s*=>/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    expect(offenders).toEqual([]);
  });

  it('lint refuses a lib that imports apps/, migrations/ or the app test kit', () => {
    // ESLint's API is ESM, so ask it from a child process: one lintText per probe file.
    const probes = ['libs/db/src/probe.ts', 'libs/access/src/probe.ts', 'libs/testing/src/probe.ts'];
    const text = [
      `import { AppModule } from '../../../apps/api/src/app.module';`,
      `import { MIGRATIONS } from '../../../migrations';`,
      `import { TestApp } from '@juntos/test-support';`,
      'export const used = [AppModule, MIGRATIONS, TestApp];',
    ].join('\n');
    const script = `
      import { ESLint } from 'eslint';
      const eslint = new ESLint();
      const out = {};
      for (const filePath of ${JSON.stringify(probes)}) {
        const [r] = await eslint.lintText(${JSON.stringify(text)}, { filePath });
        out[filePath] = r.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.line);
      }
      console.log(JSON.stringify(out));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    const refused = JSON.parse(run.stdout) as Record<string, number[]>;
    for (const probe of probes) expect([probe, refused[probe]]).toEqual([probe, [1, 2, 3]]);
  }, 60_000);
});
