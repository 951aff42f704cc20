import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findWorkspaceRoot } from './workspace-root';

describe('findWorkspaceRoot', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'workspace-'));
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('finds the nearest folder above with an nx.json', () => {
    // Prepare
    writeFileSync(join(root, 'nx.json'), '{}');
    const deep = join(root, 'libs', 'local-stack', 'src', 'bin');
    mkdirSync(deep, { recursive: true });

    // Act
    const found = findWorkspaceRoot(deep);

    // Assess
    expect(found).toBe(root);
  });

  it('says so when there is none', () => {
    // Prepare
    const outside = join(root, 'no-workspace');
    mkdirSync(outside);

    // Act
    const find = () => findWorkspaceRoot(outside);

    // Assess
    expect(find).toThrow(`No nx.json found above ${outside}`);
  });
});
