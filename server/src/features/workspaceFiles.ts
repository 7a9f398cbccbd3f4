/**
 * Disk access for the workspace index: lists the YAML files under a workspace folder and reads them the way
 * an editor would (UTF-8, undecodable bytes replaced so the parser reports them). Descriptors are recognised
 * by content, not name, so every `*.yaml`/`*.yml` is a candidate; a cheap look at the top of the file
 * (`kind: DataContract|DataProduct`) spares the full parse of other YAML.
 */
import type { Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_DESCRIPTOR_CHARS } from '../core/yaml/parse';

/** Folders that never hold an author's descriptors and can be huge. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
const YAML_FILE = /\.ya?ml$/i;
const KIND_LINE = /^kind:[ \t]*["']?Data(?:Contract|Product)\b/m;

/** Every `*.yaml`/`*.yml` below `folder`, skipping node_modules and .git; symbolic links are not followed. */
export async function listYamlFiles(folder: string): Promise<string[]> {
  const files: string[] = [];
  const pending = [folder];
  while (pending.length) {
    const current = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = await readdir(current, { withFileTypes: true });
    } catch {
      continue; // unreadable or vanished while we walked: nothing to index there
    }
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) pending.push(join(current, entry.name));
      } else if (entry.isFile() && YAML_FILE.test(entry.name)) {
        files.push(join(current, entry.name));
      }
    }
  }
  return files.sort();
}

export function isYamlPath(path: string): boolean {
  return YAML_FILE.test(path);
}

/** The file's text when it may be a descriptor, else undefined (missing, too large, or no `kind` line). */
export async function readCandidate(path: string): Promise<string | undefined> {
  try {
    const bytes = await readFile(path);
    if (bytes.length > MAX_DESCRIPTOR_CHARS) return undefined;
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    return KIND_LINE.test(text) ? text : undefined;
  } catch {
    return undefined;
  }
}
